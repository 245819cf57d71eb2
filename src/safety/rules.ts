import type { CrisisCategory } from './types';
import type { Lang } from './match';

/**
 * The rules: what a danger is made of, as roles in order (who, what, against whom; a wish and what is wished; a
 * means; a state). Each language's lexicon (lexicon/sv.ts, en.ts, ar.ts) fills the roles with its words; a rule runs
 * in every language whose lexicon has words for its roles.
 *
 * A slot is a role name, `a|b` for either role, a trailing `?` for an optional slot, and `/N` for how many tokens may
 * stand between it and the slot before (default 2). All slots lie in one sentence.
 *
 * Rules are listed by level and then category, most specific and urgent first; the first that matches wins.
 */

export interface RuleSpec {
  name: string;
  category: CrisisCategory;
  slots: readonly string[];
  /** Only in these languages (default: every language with words for the roles). */
  langs?: readonly Lang[];
  /** A negation in the clause does not undo it. */
  absolute?: boolean;
  /**
   * Guards: their roles are looked up in every language's lexicon, since a word of one language can start a match
   * in another's ("suicide" is English and Swedish).
   *
   * No word of these roles in the NEAR tokens before the match (its subject is not one of them).
   */
  notBefore?: readonly string[];
  /** No word of these roles in the NEAR tokens after the match ("at chess", "of laughter"). */
  notAfter?: readonly string[];
  /** No word of these roles in the sentence ("on holiday"). */
  notInSentence?: readonly string[];
  /** No word of these roles in the clause ("how do I talk to my kids about"). */
  notInClause?: readonly string[];
  /** No word of these roles between the slots ("I hope he dies": the wish is not for oneself). */
  notBetween?: readonly string[];
  /** A word of one of these roles somewhere in the message ("at night", "down there" for touching). */
  needInMessage?: readonly string[];
  /** How many tokens before and after the match `notBefore` and `notAfter` look (default 3). */
  near?: number;
  /**
   * The match ends its clause, or the word after it is one of these roles: "no point" alone or "no point trying" is
   * hopelessness, "no point driving, we can walk" is not.
   */
  endOrBefore?: readonly string[];
}

const HARM = 'hit|harm|kill|choke|lockin|burn';

export const RULES: readonly RuleSpec[] = [
  // ------------------------------------------------------------------------------------------ acute: suicide
  { name: 'suicide.word', category: 'suicide', slots: ['suicideWord'], notInClause: ['topic', 'fiction'], notBefore: ['topicBefore'] },
  { name: 'suicide.phrase', category: 'suicide', slots: ['suicidePhrase'], notAfter: ['withPerson'], near: 1 },
  { name: 'suicide.kill-self', category: 'suicide', slots: ['killSelf', 'selfObj/1'], notAfter: ['accident'], notInClause: ['fiction'] },
  { name: 'suicide.end-it', category: 'suicide', slots: ['want', 'endIt/3'], notAfter: ['withPerson'], near: 1 },
  { name: 'suicide.want-die', category: 'suicide', slots: ['want', 'die/3'], notAfter: ['dieIdiom'], notBetween: ['other'] },
  { name: 'suicide.not-live', category: 'suicide', slots: ['notLive'], notAfter: ['withPerson'], near: 1 },
  { name: 'suicide.no-wake', category: 'suicide', slots: ['want', 'neverWake/6'] },
  { name: 'suicide.want-sleep-forever', category: 'suicide', slots: ['want', 'sleepForever/4'], notBetween: ['other'] },
  { name: 'suicide.better-off', category: 'suicide', slots: ['betterOff'] },
  { name: 'suicide.jump', category: 'suicide', slots: ['jump', 'height/3'], notInSentence: ['leisure'] },
  { name: 'suicide.crash', category: 'suicide', slots: ['want', 'crash/3'] },
  { name: 'suicide.pills', category: 'suicide', slots: ['swallow', 'quantity/2', 'pills/2'] },
  { name: 'suicide.hoard', category: 'suicide', slots: ['hoard', 'pills/4'] },
  { name: 'suicide.rope', category: 'suicide', slots: ['hoard', 'rope/2'], notAfter: ['ropeUse'], near: 4 },
  { name: 'suicide.hoarded', category: 'suicide', slots: ['pills', 'hoarded/2'] },
  { name: 'suicide.goodbye', category: 'suicide', slots: ['goodbye'] },
  { name: 'suicide.letters', category: 'suicide', slots: ['write', 'letter/2', 'toFamily/3'] },
  { name: 'suicide.give-away', category: 'suicide', slots: ['giveAway', 'myThings/2'] },
  { name: 'suicide.give-away-after', category: 'suicide', slots: ['give', 'myThings/1', 'away/0'] },

  // ------------------------------------------------------------------------------------------ acute: self-harm
  { name: 'self-harm.word', category: 'self-harm', slots: ['selfHarmWord'], notInClause: ['topic'], notBefore: ['topicBefore'] },
  { name: 'self-harm.hurt-self', category: 'self-harm', slots: ['selfHarm', 'selfObj/1'], notInSentence: ['accident'] },
  { name: 'self-harm.cut-self', category: 'self-harm', slots: ['cutSelf', 'reflexiveSelf/1'], notInSentence: ['accident'] },
  { name: 'self-harm.hurt-me', category: 'self-harm', slots: ['cutSelf', 'reflexive/1'], notBefore: ['other'], notInSentence: ['accident'], near: 8 },
  { name: 'self-harm.body', category: 'self-harm', slots: ['selfHarm', 'myBody/2'], notBefore: ['other'], notInSentence: ['accident'], notBetween: ['me'] },
  { name: 'self-harm.habit', category: 'self-harm', slots: ['selfHarmHabit'], notAfter: ['thing'], near: 1 },
  { name: 'self-harm.head', category: 'self-harm', slots: ['bang', 'myHead/1', 'wall/3'] },

  // ------------------------------------------------------------------------------------------ acute: sexual abuse
  { name: 'abuse.word', category: 'abuse', slots: ['abuseWord'], notInClause: ['topic'], notBefore: ['topicBefore'] },
  { name: 'abuse.touch-marked', category: 'abuse', slots: ['touch', 'touchObj/2'], needInMessage: ['touchMarker'] },
  { name: 'abuse.adult-touches', category: 'abuse', slots: ['other', 'touchPlain/3', 'touchObj/1'] },
  { name: 'abuse.sexual-act', category: 'abuse', slots: ['other', 'sexAct/5'], needInMessage: ['me', 'touchObj', 'personal'] },
  { name: 'abuse.night-visit', category: 'abuse', slots: ['other', 'comeInto/3', 'myRoom/1'], needInMessage: ['touchMarker'] },
  { name: 'abuse.touch-private', category: 'abuse', slots: ['touch|touchPlain|hand', 'privatePart/3'], notInSentence: ['care', 'topic'], notBefore: ['child'] },
  { name: 'abuse.made-to-undress', category: 'abuse', slots: ['makesMe', 'undress/2'], notInSentence: ['care'] },
  { name: 'abuse.makes-me-touch', category: 'abuse', slots: ['other', 'makesMe/3', 'touch|touchPlain/1', 'himHer|privatePart|touchObj/2'], langs: ['sv', 'en'], notInSentence: ['care'] },
  { name: 'abuse.makes-me-touch', category: 'abuse', slots: ['other?', 'makesMe/3', 'touch|touchPlain/1'], langs: ['ar'], notInSentence: ['care'] },
  { name: 'abuse.kiss-strange', category: 'abuse', slots: ['kiss', 'touchObj/2'], needInMessage: ['kissMarker'] },
  { name: 'abuse.shows-sexual', category: 'abuse', slots: ['show', 'sexualMedia/5'], notInSentence: ['topic', 'sexEducation'] },
  { name: 'abuse.asks-nudes', category: 'abuse', slots: ['askFor', 'nudes/5'] },
  { name: 'abuse.nudes-asked', category: 'abuse', slots: ['nudes', 'askFor/4'] },
  { name: 'abuse.pictures', category: 'abuse', slots: ['sendPics', 'askPics/6'] },

  // ------------------------------------------------------------------------------------------ acute: a child in danger
  { name: 'child-danger.adult-hurts-me', category: 'child-danger', slots: ['parentFigure', `${HARM}|threaten/4`, 'me/1'], notAfter: ['game', 'pat'], notBefore: ['childOf'], notInSentence: ['joke'], near: 4 },
  { name: 'child-danger.parent-hurts-them', category: 'child-danger', slots: ['parentFigure', 'hit|harm|choke|burn/3', 'himHer/1'], notAfter: ['game', 'pat'], notInSentence: ['joke'], notBefore: ['childOf'] },
  { name: 'child-danger.parent-hits-them', category: 'child-danger', slots: ['parentFigure', 'hitThem/2'], notAfter: ['game', 'pat'], notInSentence: ['joke'] },
  { name: 'child-danger.hurts-child', category: 'child-danger', slots: [`${HARM}|threaten`, 'child/2'], notAfter: ['game', 'pat'], notBetween: ['me', 'take'] },
  { name: 'child-danger.child-is-hit', category: 'child-danger', slots: ['child', 'hitPassive/2'], notAfter: ['game'] },
  { name: 'child-danger.violent-to-child', category: 'child-danger', slots: ['violent', 'against/1', 'child/1'] },
  { name: 'child-danger.gives-child-a-blow', category: 'child-danger', slots: ['give', 'child/1', 'blow/2'] },
  { name: 'child-danger.kidnap', category: 'child-danger', slots: ['kidnap', 'child/2'] },
  { name: 'child-danger.abroad', category: 'child-danger', slots: ['take', 'child/2', 'abroad/5'], notBefore: ['we'], notInSentence: ['holiday'] },
  { name: 'child-danger.taken-whereabouts', category: 'child-danger', slots: ['take', 'child/2', 'whereabouts/6'] },
  { name: 'child-danger.missing', category: 'child-danger', slots: ['child', 'missing/3'], notAfter: ['missObject'], near: 1 },
  { name: 'child-danger.drunk-driving', category: 'child-danger', slots: ['drive', 'drunk/5'], notAfter: ['fullIdiom'], near: 1 },
  { name: 'child-danger.driving-drunk', category: 'child-danger', slots: ['drunk', 'drive/5'] },
  { name: 'child-danger.unsafe', category: 'child-danger', slots: ['child', 'unsafe/3'] },
  { name: 'child-danger.left-alone', category: 'child-danger', slots: ['leave', 'child/2', 'alone/4'] },
  { name: 'child-danger.left-us-alone', category: 'child-danger', slots: ['leave', 'us/1', 'aloneLong/3'] },
  { name: 'child-danger.leaves-us-alone', category: 'child-danger', slots: ['leaveUs', 'aloneLong/3'] },
  { name: 'child-danger.afraid-to-go-home', category: 'child-danger', slots: ['notDare', 'goHome/3'] },
  { name: 'child-danger.afraid-for-child', category: 'child-danger', slots: ['afraid', 'forChild/1'] },

  // ------------------------------------------------------------------------------------------ acute: violence
  { name: 'violence.hurts-me', category: 'violence', slots: ['other', `${HARM}/5`, 'victim/1'], langs: ['sv', 'en'], notAfter: ['game', 'pat'], notInSentence: ['joke'] },
  { name: 'violence.hurts-me', category: 'violence', slots: ['other?', HARM, 'victim/0'], langs: ['ar'], notAfter: ['game', 'pat', 'thingSubject'], notBefore: ['thingSubject'], notInSentence: ['joke'] },
  { name: 'violence.i-am-hit', category: 'violence', slots: ['self|victim', 'hitPassive/2'], notAfter: ['game'] },
  { name: 'violence.hurts-them', category: 'violence', slots: ['other', 'hit|harm|choke|burn/3', 'himHer/1'], notAfter: ['game', 'pat'], notInSentence: ['joke'] },
  { name: 'violence.grab', category: 'violence', slots: ['other', 'grab/2', 'myBodyPart/1'] },
  { name: 'violence.throw-at', category: 'violence', slots: ['other?', 'throw/1', 'atMe/4'], notBefore: ['self'], notInSentence: ['game', 'joke'] },
  { name: 'violence.grabs-me-by', category: 'violence', slots: ['other?', 'grabMe', 'byPart/2'], notBefore: ['self'], notInSentence: ['game', 'joke'] },
  { name: 'violence.parent-hurts-parent', category: 'violence', slots: ['parentFigure', `${HARM}/3`, 'parentFigure/1'], notAfter: ['game', 'pat'], notInSentence: ['joke'] },
  { name: 'violence.assault', category: 'violence', slots: ['other?', 'assault/4'] },
  { name: 'violence.threat-of-harm', category: 'violence', slots: ['threaten', 'harmWord/4'], notAfter: ['legal'], near: 4 },
  { name: 'violence.threatens-me', category: 'violence', slots: ['threaten', 'victim/0'], notAfter: ['legal'], near: 5 },
  { name: 'violence.weapon', category: 'violence', slots: ['other', 'weaponAct/3', 'weapon/2'] },
  { name: 'violence.word', category: 'violence', slots: ['violenceWord'], needInMessage: ['personal'], notInClause: ['topic'], notBefore: ['topicBefore'] },
  { name: 'violence.violent-to-me', category: 'violence', slots: ['violent', 'against/1', 'victim/1'] },
  { name: 'violence.fear-for-life', category: 'violence', slots: ['afraid', 'forMyLife/1'] },

  // ------------------------------------------------------------------------------------------ concern: secrecy
  { name: 'secrecy.our-secret', category: 'secrecy', slots: ['ourSecret'], notInSentence: ['surprise'] },
  { name: 'secrecy.told-not-to-tell', category: 'secrecy', slots: ['say', 'notTell/4'] },
  { name: 'secrecy.must-not-tell', category: 'secrecy', slots: ['say', 'mustNot/4', 'tellVerb/1'] },
  { name: 'secrecy.keep-from-parent', category: 'secrecy', slots: ['keepSecret', 'fromParent/3'], notInSentence: ['surprise'] },
  { name: 'secrecy.secret-with-adult', category: 'secrecy', slots: ['secretWord'], needInMessage: ['parentFigure'], notInSentence: ['surprise'] },
  { name: 'secrecy.promised-not-to-tell', category: 'secrecy', slots: ['promise', 'notTell/5'], notInSentence: ['surprise'] },
  { name: 'secrecy.spy', category: 'secrecy', slots: ['spy'] },
  { name: 'secrecy.report-on-parent', category: 'secrecy', slots: ['parentFigure', 'wantsMe/2', 'tellAbout/3', 'aboutParent|parentFigure/2'] },
  { name: 'secrecy.questioned', category: 'secrecy', slots: ['parentFigure', 'askOut/2', 'aboutParent/4'] },

  // ------------------------------------------------------------------------------------------ concern: control
  { name: 'control.takes-mine', category: 'control', slots: ['other?', 'controlVerb', 'resource/3'], notBefore: ['self'], notAfter: ['resourceThing'], near: 1 },
  { name: 'control.phrase', category: 'control', slots: ['controlPhrase'] },
  { name: 'control.not-allowed', category: 'control', slots: ['notAllowed', 'social/4'] },
  { name: 'control.decides', category: 'control', slots: ['other', 'decide/1', 'whatIDo/2'] },
  { name: 'control.never-see-children', category: 'control', slots: ['neverSee', 'child/2'] },
  { name: 'control.threat-about-children', category: 'control', slots: ['threaten', 'take/2', 'child/2'] },

  // ------------------------------------------------------------------------------------------ concern: fear
  { name: 'fear.afraid-of-person', category: 'fear', slots: ['afraid', 'of/1', 'person/2'] },
  { name: 'fear.afraid-of-him', category: 'fear', slots: ['afraid', 'ofHim/1'] },
  { name: 'fear.afraid-of-adult', category: 'fear', slots: ['afraid', 'person|parentFigure/3'], notAfter: ['pet'] },
  { name: 'fear.hide-or-shake', category: 'fear', slots: ['hideMe|tremble', 'whenHe/4'] },
  { name: 'fear.afraid-at-home', category: 'fear', slots: ['goHome', 'afraid/6'] },
  { name: 'fear.afraid-to-go-home', category: 'fear', slots: ['afraid', 'goHome/4'] },
  { name: 'fear.followed', category: 'fear', slots: ['other?', 'follow/3', 'victim/1'], notBefore: ['self'], notAfter: ['online'], near: 2 },
  { name: 'fear.afraid-he-will', category: 'fear', slots: ['afraid', 'heWill/1', 'fearedAct/4'] },
  { name: 'fear.follows-me', category: 'fear', slots: ['followPhrase'] },
  { name: 'fear.dare-not', category: 'fear', slots: ['notDare', 'toPerson/5'] },

  // ------------------------------------------------------------------------------------------ concern: hopelessness
  { name: 'hopelessness.phrase', category: 'hopelessness', slots: ['hopeless'], notAfter: ['withThing'], near: 1 },
  { name: 'hopelessness.pointless', category: 'hopelessness', slots: ['pointless'], endOrBefore: ['pointTail'] },
  { name: 'hopelessness.cannot-anything', category: 'hopelessness', slots: ['cannotCope', 'anything/2'], notAfter: ['withThing'], near: 1 },
  { name: 'hopelessness.never-better', category: 'hopelessness', slots: ['never', 'getBetter/3'], notAfter: ['withThing'], near: 1 },
  { name: 'hopelessness.no-sleep', category: 'hopelessness', slots: ['notSlept', 'days/5'] },
  { name: 'hopelessness.days-no-sleep', category: 'hopelessness', slots: ['days', 'notSlept/3'] },
  { name: 'hopelessness.confusion', category: 'hopelessness', slots: ['confusion'] },
];
