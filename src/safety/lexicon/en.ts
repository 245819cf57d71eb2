import type { Lexicon } from '../match';

/**
 * English words by role, for the rules in ../rules.ts. Written for Lotsen by hand. Apostrophes are dropped before
 * matching ("don't" → "dont", "he'll" → "hell"), so words are written without them. See ../match.ts for `=`, `*`,
 * `~` and `?`. Verbs match their inflections through the Snowball English stemmer; irregular forms are listed.
 */

const OTHER = [
  'he', 'she', 'they', 'hes', 'shes', 'hell', 'shell', 'hed', 'shed', 'him', 'her',
  'my ex', 'ex', '=exs', 'my ex husband', 'my exhusband', 'ex husband', 'exhusband', 'my ex wife', 'ex wife', 'my ex partner',
  'husband', 'wife', 'partner', 'boyfriend', 'girlfriend', 'fiance', '=bf', '=gf',
  'dad', 'daddy', 'father', 'mum', 'mom', 'mother', 'mummy', 'mommy', 'stepdad', 'stepfather', 'step dad', 'stepmum', 'stepmom',
  'stepmother', 'step mum', 'step mom', 'uncle', 'aunt', 'grandpa', 'grandad', 'granddad', 'grandfather', 'grandma', 'granny',
  'brother', 'big brother', 'cousin', 'relative', 'someone', 'somebody', 'a man', 'a guy', 'an adult', 'adult', 'teacher',
  'coach', 'neighbour', 'neighbor', 'babysitter', 'his friend', 'her friend', 'his brother', 'my dads friend', 'my mums friend',
  'moms boyfriend', 'mums boyfriend', 'mums partner', 'moms partner', 'dads girlfriend', 'dads partner', 'the kids dad',
  'the kids father', 'their dad', 'their father', 'the childrens father', 'my kids dad', 'baby daddy', 'a grown man', 'grown man', 'an older man', 'older guy', 'an older guy', 'a stranger', 'stranger', 'someone online', 'a guy online', 'a man online', 'a grown up', 'grownup',
];

const PARENT_FIGURE = [
  'dad', 'daddy', 'father', 'mum', 'mom', 'mother', 'mummy', 'mommy', 'stepdad', 'stepfather', 'step dad', 'stepmum', 'stepmom',
  'stepmother', 'step mum', 'step mom', 'uncle', 'aunt', 'grandpa', 'grandad', 'granddad', 'grandfather', 'grandma', 'granny',
  'moms boyfriend', 'mums boyfriend', 'mums partner', 'moms partner', 'dads girlfriend', 'dads partner', 'an adult', 'adult',
  'teacher', 'coach', 'babysitter', 'my dads friend', 'my mums friend', 'big brother', 'cousin', 'relative',
];

const CHILD = [
  'kids', 'kid', 'the kids', 'children', 'child', 'the children', 'my son', 'my daughter', 'our son', 'our daughter',
  'my boy', 'my girl', 'my baby', 'the baby', 'baby', 'my child', 'my kids', 'our kids', 'my children', 'our children',
  'the boys', 'the girls', 'my little brother', 'my little sister', 'my brother', 'my sister', 'little brother',
  'little sister', 'my siblings', 'my stepson', 'my stepdaughter', 'his son', 'his daughter', 'her son', 'her daughter',
  'my toddler', 'my teen', 'my teenager', 'our baby', 'the little one', 'the little ones', 'son', 'daughter',
];

const ME = ['me', 'us', 'myself'];

export const EN: Lexicon = {
  // ---------------------------------------------------------------------------------------------- who
  other: OTHER,
  parentFigure: PARENT_FIGURE,
  child: CHILD,
  me: ME,
  victim: [...ME, 'my mum', 'my mom', 'my mother', 'mum', 'mom', 'mummy', 'my wife', 'me and the kids', 'my family'],
  himHer: ['him', 'her', 'them'],
  self: ['i', 'im', 'ive', 'id', 'ill', 'we', 'were'],
  we: ['we', 'were', 'weve', 'my husband and i', 'i'],
  personal: ['i', 'im', 'ive', 'id', 'me', 'my', 'we', 'us', 'our', 'myself', 'mine'],
  selfObj: ['myself', 'my self', 'myslef~', 'herself', 'himself', 'themselves', 'themself'],
  childOf: ['kids', 'childrens', 'the'],

  // ---------------------------------------------------------------------------------------------- what is done
  hit: [
    'hit', 'hits', 'hitting', 'beat', 'beats', 'beating', 'beaten', 'punch', 'punched', 'slap', 'slapped', 'smack', 'smacked',
    'kick', 'kicked', 'push', 'pushed', 'shove', 'shoved', 'shook', 'shake', 'bite', 'bit', 'bitten', 'strike', 'struck',
    'attack', 'attacked', 'assault', 'assaulted', 'spank', 'spanked', 'whip', 'whipped',
    'grab', 'grabbed', 'headbutt', 'headbutted', 'stab', 'stabbed',
    'lay a hand on', 'laid a hand on', 'lays a hand on', 'put his hands on', 'put her hands on', 'beat up', 'beats up', 'beaten up',
  ],
  harm: ['hurt', 'hurts', 'hurting', 'harm', 'harms', 'harmed', 'injure', 'injured', 'abuse', 'abuses', 'abused', 'abusing', 'batter', 'battered'],
  kill: ['kill', 'kil', 'killed', 'killing', 'kills', 'murder', 'murdered', 'shoot', 'shot', 'strangle'],
  choke: ['choke', 'choked', 'choking', 'strangle', 'strangled', 'strangling', 'throttle', 'throttled', 'suffocate', 'smother', 'smothered', 'drown', 'drowned'],
  lockin: ['lock', 'locks', 'locked', 'trap', 'trapped', 'lock up', 'locked up'],
  burn: ['burn', 'burns', 'burned', 'burnt', 'scald', 'scalded'],
  threaten: ['threaten', 'threatens', 'threatened', 'threatening', 'threat', 'threatend~', 'threatning~'],
  harmWord: [
    'kill', 'hurt', 'harm', 'hit', 'beat', 'stab', 'shoot', 'murder', 'strangle', 'knife', 'gun', 'weapon', 'burn', 'break my',
    'beat me', 'end me', 'finish me', 'hunt me down', 'make me pay', 'make me suffer', 'get me', 'acid',
  ],
  assault: [
    'grabbed me by the throat',  'grabbed my throat', 'hands around my neck', 'hands round my neck', 'by the throat', 'by my hair',
    'by the hair', 'pulled my hair', 'held me down', 'pinned me down', 'threw me', 'threw me against', 'slammed me', 'spat on me',
    'spits on me', 'kicked me out in', 'raised his hand to me', 'raised her hand to me', 'came at me', 'blocks the door', 'blocked the door', 'blocking the door', 'stands in the door',
  ],
  grab: ['grabbed', 'grabs', 'grabbing', 'twisted', 'twists', 'squeezed', 'squeezes', 'yanked', 'pulled', 'pulls'],
  myBodyPart: ['my throat', 'my neck', 'my hair', 'my arm', 'my arms', 'my wrist', 'my face', 'my wrists'],
  throw: ['threw', 'throws', 'throwing', 'thrown', 'hurled', 'chucked'],
  atMe: ['at me', 'at us', 'at my head', 'at my face'],
  weaponAct: ['pulled', 'held', 'pointed', 'waved', 'came at me with', 'came at us with', 'has', 'got', 'keeps'],
  weapon: ['a knife', 'knife', 'a gun', 'gun', 'a weapon', 'an axe', 'a hammer', 'a bat'],
  violent: ['violent', 'aggressive', 'abusive', 'physical'],
  against: ['towards', 'toward', 'to', 'with', 'against', 'around'],
  blow: ['a slap', 'a beating', 'a smack', 'a hiding', 'a black eye', 'a punch', 'bruises'],
  violenceWord: [
    'domestic violence', 'domestic abuse', 'abusive relationship', 'abusive partner', 'abusive husband', 'abusive ex', 'battered',
    'death threat', 'death threats', 'violence at home', 'violent at home', 'womens shelter', 'women shelter', 'restraining order',
  ],
  forMyLife: ['for my life', 'for our lives', 'for my safety', 'hell kill me', 'he will kill me'],
  game: [
    'at chess', 'at cards', 'at a game', 'in a game', 'in the game', 'at football', 'at tennis', 'at the game', 'in the race',
    'at fifa', 'at mario', 'at uno', 'at monopoly', 'at scrabble', 'at ping pong', 'at table tennis', 'at arm wrestling',
    'to it', 'to the', 'in chess', 'at checkers', 'at running', 'at swimming', 'in the final',
  ],
  pat: ['on the back', 'on the shoulder', 'a high five', 'playfully', 'as a joke', 'in a friendly way', 'by accident', 'accidentally', 'a look', 'a text', 'a message', 'a glance', 'a smile', 'an email', 'a dirty look', 'a coffee', 'a favour', 'a favor', 'by the hand', 'by my hand', 'my hand'],
  legal: [
    'court', 'lawyer', 'lawyers', 'solicitor', 'police', 'social services', 'social', 'custody', 'judge', 'cps', 'report',
    'stop paying', 'not pay', 'cut off', 'divorce', 'leave', 'take me to', 'sue', 'legal', 'the kids', 'the children', 'child support',
    'move', 'tell', 'call',
  ],
  thing: ['the', 'a', 'onions', 'paper', 'cake', 'bread', 'hair', 'grass', 'wood'],

  // ---------------------------------------------------------------------------------------------- wishes
  suicideWord: [
    'suicide~', 'suicid*', 'sucide', 'suiside', 'suicde', 'kms', 'unalive*', 'unaliving', 'sewerslide', 'overdose~',
    'overdosing', 'od on', 'end it all', 'ending it all',
  ],
  topic: [
    'how do i talk', 'how to talk', 'how can i talk', 'how should i talk', 'how do we talk', 'how do i explain', 'how to explain',
    'how can i explain', 'talk to my kids about', 'talk to the kids about', 'talk to my children about', 'explain to my kids',
    'how common', 'statistics', 'article about', 'documentary', 'school project', 'warning signs', 'signs of', 'awareness', 'at school', 'in class', 'lesson', 'common', 'how many', 'rates', 'research', 'teens', 'teenagers', 'young people', 'among', 'prevention', 'suicide prevention', 'movie about', 'film about', 'book about', 'series about'],
  topicBefore: ['what is', 'whats', 'what counts as', 'what does', 'what do you mean by', 'define', 'definition of'],
  suicidePhrase: [
    'end my life', 'ending my life', 'end my own life', 'take my own? life', 'taking my own? life', 'take my life', 'end it tonight',
    'end it all', 'end everything', 'want to end it', 'wanna end it', 'end myself',
    'not be here anymore', 'not be here any more', 'dont want to be here anymore', 'dont want to be here any more',
    'dont wanna be here anymore', 'dont want to be alive', 'dont wanna be alive', 'dont want to exist', 'dont wanna exist',
    'wish i was dead', 'wish i were dead', 'wish i was never born', 'wish i had never been born', 'wish id never been born',
    'wish i wasnt alive', 'wish i wasnt here', 'better off dead', 'rather be dead', 'id rather die', 'tired of living', 'tired of life',
    'sick of living', 'done with life', 'done living', 'want to disappear forever', 'disappear forever', 'disappear for good',
    'hang myself', 'hanging myself', 'slit my wrists', 'cut my wrists', 'jump in front of', 'step in front of a', 'in front of a train',
    'in front of a bus', 'noose', 'suicide note', 'ctb', 'dont want to wake up', 'dont wanna wake up', 'hope i dont wake up', 'hope i never wake up', '=suicidal~', 'suicidal thoughts', 'suicide attempt', 'tried to kill myself', 'attempted suicide'],
  endIt: ['end it', 'ending it', 'end it all', 'ending it all', 'end everything', 'ending everything', 'end things', 'ending things', 'end it', 'ending it', 'end my life', 'finish it', 'be done with it all'],
  crash: ['drive into a wall', 'drive into a tree', 'drive into a truck', 'drive off the road', 'crash my car', 'crash the car', 'drive my car into', 'drive off a'],
  killSelf: ['kill', 'kil', 'killing', 'killed', 'unalive', 'hang', 'hanging', 'drown', 'poison', 'shoot', 'off', 'end', 'suffocate', 'gas'],
  want: [
    'want', 'wanna', 'wish', 'would like', 'going', 'gonna', 'will', 'plan', 'planning', 'thinking', 'think', 'thought', 'considering',
    'ready', 'decided', 'feel like', 'might', 'tempted', 'hope', 'about to', 'wants', 'wanted',
  ],
  die: ['die', 'diie', 'dye', 'be dead', 'be gone', 'not exist', 'stop existing', 'cease to exist', 'not wake up', 'sleep forever', 'fall asleep forever', 'fall asleep and never wake up', 'dying'],
  dieIdiom: [
    'for', 'of', 'from', 'laughing', 'laughter', 'if', 'inside', 'a little', 'with', 'in peace', 'old', 'happy',
    'embarrassment', 'boredom', 'cringe', 'my hair', 'hair', 'it', 'the', 'them'],
  notLive: [
    'dont want to live', 'dont wanna live', 'do not want to live', 'dont want live', 'no reason to live', 'nothing to live for',
    'not worth living', 'cant live anymore', 'dont want to live anymore',
    'dont feel like living', 'no will to live', 'lost the will to live', 'dont want to go on living', 'no point living', 'no point in living', 'no point to living', 'whats the point of living', 'what is the point of living', 'no reason to go on', 'no point going on', 'no point in going on'],
  withPerson: ['with', 'in', 'near', 'at', 'there', 'here', 'together', 'under', 'early', 'before', 'for'],
  neverWake: ['never wake up', 'not wake up', 'not to wake up', 'never wake', 'dont wake up', 'not wake', 'never woke up'],
  betterOff: [
    'better off without me', 'be better without me', 'better off if i was gone', 'better off if i wasnt here', 'better off if i died',
    'better off if i were dead', 'better off if i was dead', 'happier without me', 'happier if i was gone', 'nobody would miss me',
    'no one would miss me', 'noone would miss me', 'nobody would care if i', 'no one would care if i', 'noone would care if i',
    'nobody would notice if i', 'no one would notice if i', 'everyone would be better', 'everybody would be better',
    'a burden to everyone', 'just a burden', 'easier for everyone if i',
  ],
  jump: ['jump', 'jumping', 'jumped', 'throw myself', 'throwing myself', 'step', 'walk', 'lie down'],
  height: [
    'bridge', 'the bridge', 'a bridge', 'train', 'a train', 'the tracks', 'tracks', 'roof', 'the roof', 'balcony', 'window', 'building',
    'cliff', 'a cliff', 'tower', 'car park', 'multi storey', 'in front of', 'off a', 'motorway', 'highway', 'lorry', 'truck', 'bus',
  ],
  leisure: ['lake', 'pool', 'into the water', 'swimming', 'jetty', 'pier', 'trampoline', 'for fun', 'summer', 'diving', 'bungee', 'game', 'train station', 'the train home', 'catch the train'],
  swallow: ['take', 'took', 'taken', 'taking', 'swallow', 'swallowed', 'swallowing', 'down', 'downed', 'eat', 'ate', 'overdose on', 'od on'],
  quantity: ['all', 'all my', 'all the', 'a bunch of', 'a bunch', 'bunch of', 'a lot of', 'lots of', 'loads of', 'a handful', 'handful of', 'a whole', 'whole', 'the whole', 'too many', 'many', 'a box of', 'a bottle of', 'twenty', 'thirty', 'fifty', '20', '30', '40', '50', '100'],
  pills: ['pills', 'pill', 'tablets', 'tablet', 'meds', 'medication', 'medicine', 'paracetamol', 'painkillers', 'sleeping pills', 'antidepressants', 'insulin'],
  hoard: ['saved up', 'saving up', 'save up', 'stockpile', 'stockpiling', 'stockpiled', 'hoard', 'hoarding', 'hoarded', 'collecting', 'collected', 'saved', 'saving', 'hidden', 'hiding', 'hid', 'bought', 'enough'],
  hoarded: ['saved up', 'stockpiled', 'hoarded', 'hidden', 'ready', 'collected', 'to overdose', 'to od'],
  rope: ['rope', 'a rope', 'the rope', 'noose', 'a noose'],
  ropeUse: ['for the boat', 'for camping', 'for climbing', 'for the tent', 'for the swing', 'for the move', 'for the dog', 'skipping'],
  write: ['wrote', 'written', 'writing', 'write', 'left'],
  letter: ['a letter', 'letters', 'a note', 'notes', 'a last letter', 'a final letter', 'a goodbye'],
  toFamily: ['to my kids', 'to my children', 'to everyone', 'to my family', 'to my mum', 'to my mom', 'to my parents', 'in case something happens to me', 'for when im gone', 'for after', 'and im ready', 'im ready'],
  goodbye: [
    'goodbye letter', 'goodbye letters', 'goodbye note', 'farewell letter', 'farewell note', 'suicide letter', 'wrote letters to everyone',
    'written letters to everyone', 'writing letters to everyone', 'letters to everyone', 'said goodbye to everyone', 'saying goodbye to everyone',
    'my affairs in order', 'put my affairs', 'written my will', 'wrote my will', 'made my will',
  ],
  giveAway: ['giving away', 'given away', 'gave away', 'give away', 'gotten rid of', 'got rid of', 'getting rid of'],
  give: ['giving', 'given', 'gave', 'give'],
  myThings: ['my stuff', 'my things', 'my belongings', 'my possessions', 'my clothes', 'my stuffs', 'all my', 'my pets', 'my cat', 'my dog'],
  away: ['away'],

  // ---------------------------------------------------------------------------------------------- self-harm
  selfHarmWord: ['self harm*', 'selfharm*', 'self harming', 'self injury', 'self injuring', 'self mutilation', 'self hurt'],
  selfHarm: [
    'cut', 'cuts', 'cutting', 'burn', 'burns', 'burned', 'burnt', 'burning', 'scratch', 'scratched', 'scratching', 'hurt', 'hurts',
    'hurting', 'harm', 'harming', 'hit', 'hitting', 'punch', 'punching', 'starve', 'starving', 'carve', 'carved', 'carving', 'bite',
    'biting', 'pinch', 'pinching', 'slice', 'sliced', 'slicing', 'stab', 'stabbing', 'bruise', 'bruising',
  ],
  myBody: [
    'my arm', 'my arms', 'my wrist', 'my wrists', 'my thigh', 'my thighs', 'my legs', 'my leg', 'my skin', 'my stomach', 'my belly',
    'her arm', 'her arms', 'her wrists', 'her thighs', 'her legs', 'his arms', 'his wrists', 'his thighs', 'his legs', 'their arms',
  ],
  selfHarmHabit: [
    'cutting again', 'started cutting', 'cut again', 'cut myself again', 'cut herself again', 'scratch my arms', 'scratching my arms', 'scratch myself', 'scratching myself', 'been cutting', 'is cutting', 'cuts herself', 'cuts himself', 'stopped cutting', 'start cutting',
    'cutting herself', 'cutting himself', 'cutting myself', 'burning myself', 'burning herself',
  ],
  accident: [
    'accident', 'accidentally', 'by mistake', 'shaving', 'cooking', 'chopping', 'playing', 'football', 'training', 'gym', 'bike',
    'fell', 'tripped', 'slipped', 'kitchen', 'knife slipped', 'broken glass', 'a glass', 'on glass', 'paper', 'garden', 'work',
    'while', 'skiing', 'skating', 'climbing', 'sport', 'match', 'exercising', 'running', 'lifting', 'in the oven', 'on the stove',
  ],
  bang: ['bang', 'bangs', 'banging', 'hit', 'hits', 'hitting', 'smash', 'smashes', 'smashing', 'slam', 'slams'],
  myHead: ['my head', 'his head', 'her head', 'their head', 'head'],
  wall: ['wall', 'walls', 'the wall', 'against the wall', 'on the wall', 'floor', 'the floor'],

  // ---------------------------------------------------------------------------------------------- sexual abuse
  abuseWord: [
    'rape', 'raped', 'raping', 'rapes', 'rapist', 'molest', 'molested', 'molesting', 'molests', 'sexually abused', 'sexual abuse',
    'sexually assaulted', 'sexual assault', 'grooming me', 'groomed me', 'incest', 'abused me sexually', 'abuses me sexually',
    'fondled', 'fondles', 'fondling',
  ],
  touch: ['touch', 'touches', 'touched', 'touching', 'feel me up', 'feels me up', 'felt me up', 'grope', 'groped', 'gropes', 'groping', 'rubs', 'rubbed'],
  touchPlain: ['touch', 'touches', 'touched', 'touching', 'grope', 'groped', 'gropes', 'groping', 'feel me up', 'feels me up', 'felt me up', 'fondle'],
  touchObj: ['me', 'her', 'him', 'my daughter', 'my son', 'my private', 'my privates', 'my body', 'my breasts', 'my bum', 'between my legs', 'under my', 'the kids', 'my little sister', 'my little brother'],
  touchMarker: [
    'down there', 'private', 'privates', 'private parts', 'at night', 'in my bed', 'in bed', 'my room', 'strange', 'weird', 'funny way',
    'under my clothes', 'under her clothes', 'secret', 'dont tell', 'didnt want', 'dont want', 'shouldnt', 'not supposed', 'uncomfortable',
    'when mum is', 'when mom is', 'when nobody', 'when no one', 'naked', 'sexual', 'inappropriate', 'inappropriately', 'wrong way', 'bad way', 'when i sleep', 'while i sleep', 'while im asleep', 'when im asleep', 'while she sleeps', 'when she sleeps', 'when im alone', 'when we are alone'],
  sexAct: [
    'porn', 'porno', 'nudes', 'nude pictures', 'naked pictures', 'naked photos', 'dick pic', 'dick pics', 'undress', 'take my clothes off',
    'take off my clothes', 'sex with me', 'have sex', 'sexual things', 'touch him', 'touch his', 'showed me his', 'kissed me on the mouth',
    'sleep in his bed', 'get in his bed',
  ],
  comeInto: ['comes into', 'coming into', 'came into', 'comes in', 'gets into', 'got into', 'getting into', 'sneaks into', 'climbs into', 'enters'],
  myRoom: ['my room', 'my bed', 'my bedroom', 'her room', 'her bed', 'his room'],
  sendPics: ['sent me pictures', 'sent me photos', 'sends me pictures', 'sends me photos', 'sent me pics', 'sends me pics', 'messages me', 'sent me videos'],
  askPics: ['asked for mine', 'asks for mine', 'asked for pictures', 'asked for pics', 'wants pictures', 'wants pics', 'asked me for', 'asks me for', 'send him', 'asked me to send', 'meet up', 'keep it secret', 'not tell'],

  // ---------------------------------------------------------------------------------------------- a child in danger
  abroad: [
    'abroad', 'out of the country', 'to another country', 'back home', 'home country', 'his country', 'her country', 'their country',
    'never come back', 'never bring them back', 'never bring her back', 'never bring him back', 'never see them again', 'and disappear',
    'iraq', 'syria', 'lebanon', 'turkey', 'iran', 'afghanistan', 'pakistan', 'somalia', 'eritrea', 'egypt', 'morocco', 'algeria',
    'tunisia', 'libya', 'jordan', 'palestine', 'yemen', 'saudi', 'sudan', 'ethiopia', 'kurdistan', 'india', 'bangladesh', 'nigeria',
    'without my permission', 'without telling me', 'for good', 'forever', 'away from me for good', 'to his family', 'to her family',
  ],
  take: [
    'take', 'takes', 'took', 'taken', 'taking', 'bring', 'brings', 'brought', 'kidnap', 'kidnapped', 'abduct', 'abducted', 'snatch', 'snatched',
    'hide', 'hid', 'hidden', 'flee with', 'fled with', 'run off with', 'ran off with', 'send', 'sent', 'move', 'moving',
  ],
  kidnap: ['kidnap', 'kidnapped', 'kidnapping', 'abduct', 'abducted', 'abducting', 'snatched', 'snatch'],
  hitPassive: ['gets hit', 'got hit', 'is hit', 'is beaten', 'was beaten', 'gets beaten', 'got beaten', 'is being hit', 'is being beaten', 'was hit',
    'is abused', 'was abused', 'is being abused', 'is hurt by', 'gets hurt by', 'got hurt by', 'was attacked', 'got attacked', 'got slapped', 'gets slapped',
    'was strangled', 'was choked', 'got punched', 'gets punched', 'got kicked', 'gets kicked', 'was threatened', 'gets threatened', 'am beaten', 'am hit', 'am abused'],
  holiday: ['holiday', 'holidays', 'vacation', 'christmas', 'summer', 'easter', 'trip', 'visit', 'visiting', 'we'],
  whereabouts: ['wont tell me where', 'dont know where', 'no idea where', 'cant find', 'not answering', 'switched off', 'wont say where', 'disappeared'],
  missing: ['missing', 'is missing', 'disappeared', 'gone missing', 'vanished', 'ran away', 'run away', 'runaway', 'kidnapped', 'abducted', 'hasnt come home', 'didnt come home', 'not come home', 'not home yet', 'isnt answering', 'not answering'],
  missObject: ['their', 'his', 'her', 'him', 'dad', 'mum', 'mom', 'you', 'me', 'school', 'homework', 'a', 'the', 'out', 'lessons', 'classes', 'class', 'friends', 'it', 'so', 'teeth', 'tooth', 'home'],
  drive: ['drive', 'drives', 'drove', 'driving', 'driven', 'behind the wheel'],
  drunk: ['drunk', 'drinking', 'high', 'stoned', 'wasted', 'intoxicated', 'under the influence', 'after drinking', 'had been drinking', 'was drinking', 'on drugs'],
  fullIdiom: ['me crazy', 'me mad', 'me nuts', 'up the wall', 'a hard bargain'],
  unsafe: ['not safe', 'arent safe', 'isnt safe', 'unsafe', 'in danger', 'at risk', 'not ok with', 'arent ok with'],
  leave: ['left', 'leaves', 'leave', 'leaving', 'locked'],
  alone: ['alone', 'on their own', 'on her own', 'on his own', 'by themselves', 'by herself', 'by himself', 'unsupervised', 'in the car', 'outside'],
  us: ['us', 'me and my brother', 'me and my sister', 'me and my little brother', 'me and my little sister'],
  aloneLong: ['home alone', 'alone all weekend', 'alone all night', 'alone overnight', 'alone for days', 'alone for the whole', 'on our own all', 'on our own for', 'by ourselves all', 'by ourselves for'],
  notDare: ['scared to', 'afraid to', 'terrified to', 'too scared to', 'too afraid to', 'dont dare', 'dare not', 'daren t', 'dont want to go', 'frightened to'],
  goHome: ['go home', 'go back home', 'go back', 'go to dads', 'go to mums', 'go to moms', 'go to my dads', 'go to my mums', 'be at home', 'be home', 'sleep at', 'stay at', 'go there'],
  afraid: ['afraid', 'scared', 'terrified', 'frightened', 'fear', 'fearing', 'petrified', 'scared shitless', 'fearful'],
  forChild: ['for my kids', 'for the kids', 'for my children', 'for the children', 'for my son', 'for my daughter', 'for our kids', 'for their safety'],

  // ---------------------------------------------------------------------------------------------- secrecy
  ourSecret: ['our secret', 'our little secret', 'a secret between us', 'secret between us', 'just between us', 'between you and me', 'our special secret'],
  surprise: ['surprise', 'party', 'present', 'gift', 'birthday', 'christmas', 'presents'],
  say: ['says', 'said', 'say', 'tells me', 'told me', 'tell me', 'told', 'asks', 'asked', 'made me promise', 'makes me promise', 'make me promise', 'wants me', 'warned me', 'warns me'],
  notTell: [
    'nobody can know', 'no one can know', 'noone can know', 'nobody needs to know', 'no one needs to know', 'nobody must know', 'no one must know',
    'wouldnt tell', 'wont tell', 'not to tell anyone', 'wouldnt say', 'wont say anything',
    'cant tell', 'cannot tell', 'shouldnt tell', 'not to tell', 'not tell', 'mustnt tell', 'must not tell', 'dont tell', 'never tell',
    'not allowed to tell', 'not to say', 'not say', 'cant say', 'dont say', 'keep quiet', 'keep it quiet', 'keep it secret', 'keep it a secret',
    'not to mention', 'tell no one', 'tell nobody', 'not to tell my', 'not tell my'],
  mustNot: ['cant', 'cannot', 'mustnt', 'must not', 'shouldnt', 'not to', 'dont', 'never', 'not allowed to', 'better not', 'wont', 'not'],
  tellVerb: ['tell', 'say', 'mention', 'talk about', 'speak about', 'tell anyone', 'say anything', 'tell anybody'],
  wantsMe: ['wants me to', 'asks me to', 'makes me', 'tells me to', 'wanted me to', 'asked me to', 'made me'],
  tellAbout: ['tell him who', 'tell her who', 'tell him what', 'tell her what', 'tell him where', 'tell her where', 'report on', 'tell him about', 'tell her about', 'tell on'],
  keepSecret: ['keep it secret', 'keep it a secret', 'keep secrets', 'keep a secret', 'hide it', 'keep it from', 'lie to'],
  fromParent: ['from mum', 'from mom', 'from dad', 'from my mum', 'from my mom', 'from my dad', 'from mummy', 'from daddy', 'from everyone', 'mum', 'mom', 'dad'],
  spy: ['spy on', 'spying on', 'spies on', 'report back', 'reports back', 'tell him what mum', 'tell her what dad', 'tell him everything mum', 'find out what mum', 'find out what dad'],
  askOut: ['asks me', 'asked me', 'questions me', 'questioned me', 'interrogates me', 'keeps asking', 'makes me tell'],
  aboutParent: ['what mum', 'what mom', 'what dad', 'about mum', 'about mom', 'about dad', 'mums new', 'moms new', 'dads new', 'who mum', 'who mom', 'who dad', 'where mum', 'where mom', 'where dad', 'mum does', 'dad does'],

  // ---------------------------------------------------------------------------------------------- control
  controlVerb: [
    'takes', 'took', 'taken', 'take', 'keeps', 'kept', 'controls', 'controlled', 'control', 'checks', 'checked', 'check', 'reads', 'read',
    'goes through', 'went through', 'tracks', 'tracked', 'tracking', 'monitors', 'monitored', 'monitoring', 'hides', 'hid', 'steals',
    'stole', 'stolen', 'confiscated', 'smashed', 'smashes', 'withholds', 'withheld', 'has', 'locks away',
  ],
  resource: [
    'my money', 'all my money', 'my bank card', 'my card', 'my cards', 'my debit card', 'my credit card', 'my wages', 'my salary', 'my benefits',
    'my phone', 'my mobile', 'my messages', 'my texts', 'my emails', 'my location', 'my passport', 'my keys', 'my car keys', 'my id',
    'my documents', 'my bank account', 'my account', 'my pin', 'my passwords', 'my social media', 'every penny', 'everything i do', 'my every move',
    'where i go', 'where i am', 'who i talk to', 'who i see', 'all the money', 'the money', 'our money', 'the finances', 'our finances', 'everything'],
  controlPhrase: [
    'tracks me', 'tracking me', 'tracker on', 'tracking app', 'tracks my location', 'knows where i am', 'always knows where i am',
    'find my phone', 'gps on', 'spyware', 'put an app', 'location sharing', 'follows my location', 'gives me an allowance', 'an allowance', 'checks every receipt', 'checks my receipts', 'every receipt', 'controls what i spend', 'what i spend', 'counts every penny', 'gives me no money', 'doesnt give me money', 'wont give me money', 'never gives me money', 'gives me no access'],
  notAllowed: ['wont let me', 'doesnt let me', 'didnt let me', 'never lets me', 'not allowed to', 'not allowed', 'forbids me', 'forbidden to', 'wont allow me', 'stops me from', 'stopped me from', 'cant see', 'isolated me', 'isolates me', 'cut me off'],
  social: ['my friends', 'friends', 'my family', 'family', 'my mum', 'my mom', 'my parents', 'my sister', 'work', 'a job', 'my job', 'leave the house', 'go out', 'out of the house', 'leave', 'have my own money', 'my own money', 'money', 'a phone', 'from everyone', 'anyone', 'my own bank account', 'my own account', 'a bank account', 'my own card', 'have my own'],
  decide: ['decides', 'decided', 'controls', 'chooses', 'dictates', 'tells me'],
  whatIDo: ['what i', 'who i', 'where i', 'everything', 'when i', 'how i', 'what to wear', 'who to see'],
  neverSee: ['never see', 'will never see', 'wont see', 'wont ever see', 'never get to see', 'lose', 'take away'],

  // ---------------------------------------------------------------------------------------------- fear
  of: ['of', 'for'],
  person: [
    'him', 'her', 'them', 'my ex', 'ex', 'my ex husband', 'my exhusband', 'my ex wife', 'my husband', 'my wife', 'my partner',
    'my boyfriend', 'my girlfriend', 'dad', 'my dad', 'their dad', 'their father', 'mum', 'my mum', 'my mom', 'their mum', 'their mother',
    'my stepdad', 'my father', 'my mother', 'his family', 'her family', 'what he', 'what she', 'what they', 'when he', 'when she', 'his temper',
    'her temper', 'his reaction', 'the kids dad', 'the kids father', 'my son', 'my daughter', 'uncle', 'my uncle',
  ],
  ofHim: ['he will', 'hell', 'he might', 'he could', 'she will', 'she might'],
  heWill: ['he will', 'hell', 'he might', 'he could', 'she will', 'shell', 'she might', 'that he', 'that she', 'he would', 'hed', 'hes going to', 'he is going to'],
  fearedAct: ['come', 'come here', 'come back', 'find me', 'find us', 'find out', 'turn up', 'show up', 'do something', 'get angry', 'lose it', 'snap', 'take the kids', 'see me', 'take revenge', 'get me', 'know where'],
  follow: ['following', 'follows', 'followed', 'follow', 'stalking', 'stalks', 'stalked', 'watches', 'watching', 'waits for', 'waiting for', 'turns up', 'shows up'],
  followPhrase: ['turns up at my', 'turning up at my', 'turned up at my', 'shows up at my', 'showing up at my', 'showed up at my', 'waits outside my', 'waiting outside my', 'parks outside my', 'outside my house every', 'outside my work', 'drives past my house', 'watching my house', 'watches my house'],
  online: ['on instagram', 'on insta', 'on tiktok', 'on twitter', 'on snapchat', 'on social', 'on facebook', 'on youtube', 'around the house', 'everywhere i go', 'home from school'],
  toPerson: ['to him', 'to her', 'him', 'her', 'with him', 'with her', 'to my ex', 'to my husband', 'to dad', 'to mum', 'no'],

  // ---------------------------------------------------------------------------------------------- hopelessness, states
  hopeless: [
    'cant go on', 'cannot go on', 'can not go on', 'no way out',
    'hopeless', 'hopelessness', 'cant take it anymore', 'cant take it any more', 'cant take this anymore', 'cant take any more',
    'cant cope', 'cannot cope', 'cant cope anymore', 'i give up', 'nothing to look forward to', 'i just cant anymore', 'cant anymore', 'meaningless', 'lost all hope', 'lost hope', 'no hope left', 'feel hopeless', 'ive given up', 'given up on everything', 'giving up on everything',
    'nothing is ever going to get better', 'nothing will ever get better', 'never going to get better', 'never gets better',
    'never get better', 'no future', 'no hope', 'cant do this anymore', 'cant do this any more', 'want to disappear', 'wanna disappear',
    'want to vanish', 'nothing matters', 'nothing matters anymore', 'cant see a way out', 'dont see a way out', 'trapped with no way out',
    'at the end of my rope', 'at the end of my tether', 'cant keep going', 'cant carry on', 'cannot carry on', 'dont see the point', 'cant live like this', 'cannot live like this', 'dont know how much longer i can', 'dont know how long i can go on', 'dont know how to go on', 'dont know how i can go on', 'how much longer i can take'],
  withThing: ['with', 'on', 'to', 'than', 'smoking', 'drinking', 'sugar'],
  notSlept: ['havent slept', 'not slept', 'didnt sleep', 'cant sleep', 'no sleep', 'without sleep', 'havent eaten', 'not eaten', 'didnt eat', 'without eating', 'without food', 'without sleeping'],
  days: ['days', 'nights', 'day', 'two days', 'three days', 'a week', 'weeks', '48 hours', '72 hours'],
  confusion: ['hearing voices', 'hear voices', 'voices in my head', 'dont know where i am', 'dont know who i am', 'cant think straight and', 'losing my mind', 'going crazy and'],

  // ---------------------------------------------------------------------------------------------- idioms that are not what their words say
  joke: ['lol', 'lmao', 'haha', 'hahaha', 'jk', 'just kidding', 'kidding', 'joking', 'xd', 'rofl'],
  fiction: ['the movie', 'the film', 'the book', 'the series', 'the show', 'the song', 'a movie', 'a film', 'a book', 'a character', 'in the movie', 'in the book', 'the main character', 'novel'],
  resourceThing: ['charger', 'case', 'cover', 'cable', 'number', 'bill', 'plan', 'contract'],
  benign: [
    'dying to', 'die laughing', 'died laughing', 'dying laughing', 'dying of embarrassment', 'die of embarrassment', 'died of embarrassment',
    'die of boredom', 'dying of boredom', 'bored to death', 'to die for', 'kill for', 'could kill for', 'killing time', 'kill time',
    'killing it', 'killed it', 'dead tired', 'dead serious', 'dead on', 'dressed to kill', 'drives me crazy', 'drive me crazy',
    'hit the roof', 'hit the ball', 'hit the road', 'hit the gym', 'hit the hay', 'hit it off', 'a hit', 'hit song', 'cut the cake',
    'cut it out', 'cut off from', 'cut corners', 'cut back', 'cut me some slack', 'beat me to it', 'killing me softly', 'scared to death of spiders',
    'it kills me that', 'i could murder a', 'my phone died', 'phone died', 'battery died', 'heart broke', 'dead to me', 'hit me up', 'hits me up', 'hit on me', 'hits on me', 'hitting on me', 'push me to', 'pushes me to', 'pushing me to'],

  // ---------------------------------------------------------------------------------------------- the wider net
  // Roles of the rules that read single strong signals (concern) and the everyday wording of acute dangers.
  sleepForever: ['sleep forever', 'sleep and never wake up', 'go to sleep forever', 'disappear forever', 'disappear and never come back', 'not be here', 'be gone forever', 'stop being alive', 'not exist anymore'],
  hand: ['hand', 'hands', 'his hand', 'his hands', 'her hand', 'fingers', 'his fingers'],
  privatePart: [
    'private parts', 'private part', 'privates', 'my private', 'his private', 'down there', 'under my clothes', 'under her clothes', 'in my pants',
    'down my pants', 'inside my pants', 'in my underwear', 'my chest', 'my breasts', 'my boobs', 'my bum', 'my butt', 'his dick', 'his penis',
    'his thing', 'his pants', 'my thigh', 'my thighs', 'my inner thigh', 'penis', 'dick', 'between my legs', 'my vagina', 'my willy', 'his willy',
  ],
  care: ['doctor', 'nurse', 'bath', 'nappy', 'diaper', 'shower', 'wash', 'washes', 'washing', 'cream', 'itch', 'itchy', 'rash', 'checkup', 'normal', 'potty', 'toilet'],
  makesMe: ['makes me', 'made me', 'forces me to', 'forced me to', 'wants me to', 'wanted me to', 'asks me to', 'asked me to', 'tells me to', 'told me to', 'gets me to', 'got me to', 'tried to make me', 'makes', 'made'],
  kiss: ['kissed', 'kisses', 'kiss', 'kissing', 'made out with', 'licked', 'licks'],
  kissMarker: ['weird', 'strange', 'on the mouth', 'on my mouth', 'with his tongue', 'with tongue', 'uncomfortable', 'creepy', 'didnt want', 'wrong way', 'like a boyfriend', 'like a girlfriend', 'gross'],
  show: ['showed', 'shows', 'show', 'showing', 'shown', 'made me watch', 'makes me watch', 'sends me', 'sent me'],
  sexualMedia: ['naked', 'nude*', 'porn*', 'sex', 'having sex', 'his dick', 'his penis', 'dick pic', 'dick pics', 'xxx', 'sexual'],
  sexEducation: ['sex education', 'sex ed', 'biology', 'health class'],
  askFor: ['asking for', 'asks for', 'asked for', 'asked me for', 'asks me for', 'wants', 'wanted', 'begging for', 'begs for', 'send him', 'send her', 'sending him', 'asked me to send', 'wants me to send'],
  nudes: ['nudes', 'nude pics', 'nude pictures', 'nude photos', 'naked pics', 'naked pictures', 'naked photos', 'pics without clothes', 'pictures without clothes', 'photos without clothes', 'pics of me naked', 'sexy pics', 'sexy pictures', 'pics in my underwear', 'pictures in my underwear', 'pics of my body'],
  leaveUs: ['leaves us', 'left us', 'leave us', 'leaving us'],
  grabMe: ['grabbed me', 'grabs me', 'pulled me', 'pulls me', 'dragged me', 'drags me', 'held me', 'holds me', 'pinned me', 'pins me', 'shoved me', 'pushed me', 'yanked me', 'threw me', 'throws me'],
  byPart: ['by the hair', 'by my hair', 'by the neck', 'by my neck', 'by the throat', 'by my throat', 'by the arm', 'by my arm', 'across the floor', 'against the wall', 'into the wall', 'to the floor', 'on the floor', 'down the stairs', 'by the collar', 'into the door'],
  secretWord: ['secret', 'secrets', 'a secret'],
  promise: ['promised', 'promise', 'swore', 'swear', 'made me swear', 'made me promise'],
  pet: ['dog', 'dogs', 'cat', 'cats', 'snake', 'spider', 'horse'],
  pointless: ['no point', 'whats even? the point', 'what is even? the point', 'pointless', 'theres no point', 'there is no point', 'is there any point'],
  pointTail: [
    'anymore', 'any more', 'in anything', 'in trying', 'trying', 'in life', 'in living', 'of anything', 'of it all', 'of life', 'in going on',
    'at all', 'to anything', 'in any of it', 'of trying', 'to life', 'to trying', 'again', 'for me', 'in me',
  ],
  cannotCope: ['cant cope', 'cannot cope', 'cant handle', 'cant deal', 'cant take', 'cant bear', 'cant manage', 'cant do', 'cant face'],
  anything: ['anything', 'anymore', 'any more', 'it anymore', 'this anymore', 'life', 'everything', 'with anything', 'with life', 'with any of it', 'any of it', 'anything anymore', 'it all'],
  never: ['no way things will', 'no way it will', 'never', 'nothing', 'nothing is ever', 'nothing will ever', 'nothing ever', 'its never', 'things will never', 'things are never', 'life will never', 'it will never'],
  getBetter: ['get better', 'gets better', 'going to get better', 'gonna get better', 'be better', 'be ok', 'be okay', 'change', 'changes', 'going to change', 'gonna change', 'be the same', 'improve', 'be good again', 'be fine', 'be happy', 'get easier'],
  undress: ['take my clothes off', 'take off my clothes', 'undress', 'get undressed', 'strip', 'get naked', 'take my top off', 'take my pants off'],
  hideMe: ['i hide', 'hide in my room', 'hiding in my room', 'hide from', 'hiding from', 'hid in my room', 'lock myself in my room'],
  tremble: ['shaking', 'i shake', 'i start shaking', 'tremble', 'trembling', 'my heart races'],
  whenHe: ['when he', 'when she', 'when i hear', 'when dad', 'when my dad', 'when mum', 'when my mum', 'when mom', 'when my stepdad', 'from him', 'from her', 'from my dad', 'whenever he'],
};
