import type { Lexicon } from '../match';

/**
 * Swedish words by role, for the rules in ../rules.ts. Written for Lotsen by hand. Words are folded before matching
 * (å/ä → a, ö → o), so "slår", "slar" and "slåår" are one word. See ../match.ts for `=`, `*`, `~` and `?`. Verbs
 * match their inflections through the Snowball Swedish stemmer (skadar, skadade, skadat); strong verbs' forms are
 * listed (slår, slog, slagit). People are written with `=`: their stems are other words' too (pappa, papper).
 */

/** Every word of each entry as written, without stemming. */
function exact(entries: readonly string[]): string[] {
  return entries.map((e) => e.split(' ').map((w) => `=${w}`).join(' '));
}

const PARENTS = [
  'pappa', 'pappan', 'farsan', 'mamma', 'mamman', 'morsan', 'min pappa', 'min mamma', 'min far', 'min mor', 'far', 'mor', 'styvpappa',
  'styvpappan', 'min styvpappa', 'styvmamma', 'min styvmamma', 'styvfar', 'styvmor', 'bonuspappa', 'bonusmamma', 'mammas kille',
  'mammas nya kille', 'mammas pojkvän', 'mammas sambo', 'mammas man', 'pappas tjej', 'pappas nya tjej', 'pappas flickvän', 'pappas sambo',
  'pappas fru', 'farbror', 'morbror', 'min farbror', 'min morbror', 'moster', 'faster', 'farfar', 'morfar', 'farmor', 'mormor', 'en vuxen',
  'vuxen', 'läraren', 'min lärare', 'tränaren', 'barnvakten', 'pappas kompis', 'mammas kompis', 'storebror', 'min storebror', 'kusin',
  'min kusin', 'en släkting', 'släkting',
];

const OTHER = [
  ...PARENTS, 'han', 'hon', 'de', 'dom', 'exet', 'mitt ex', 'ex', 'exmannen', 'min exman', 'exman', 'exfrun', 'min exfru', 'min man',
  'mannen', 'maken', 'min make', 'frun', 'min fru', 'sambon', 'min sambo', 'pojkvännen', 'min pojkvän', 'flickvännen', 'min flickvän',
  'killen', 'partnern', 'min partner', 'barnens pappa', 'barnens mamma', 'barnens far', 'min bror', 'någon', 'nån', 'en man',
  'en kille', 'grannen', 'hans kompis', 'en vuxen man', 'en äldre man', 'en främling', 'någon på nätet', 'en kille på nätet', 'en man på nätet', 'en gubbe', 'gubben',
];

const CHILD = [
  'barnen', 'barnet', 'ungarna', 'ungen', 'mitt barn', 'mina barn', 'vårt barn', 'våra barn', 'min son', 'min dotter', 'vår son',
  'vår dotter', 'sonen', 'dottern', 'pojken', 'flickan', 'grabben', 'bebisen', 'lillebror', 'lillasyster', 'min lillebror',
  'min lillasyster', 'min bror', 'min syster', 'mina syskon', 'syskonen', 'minstingen', 'sin son', 'sin dotter', 'sina barn', 'hans barn',
  'hennes barn', 'min bebis', 'min unge', 'mina ungar', 'tonåringen', 'min tonåring', 'barn',
];

export const SV: Lexicon = {
  // ---------------------------------------------------------------------------------------------- who
  other: exact(OTHER),
  parentFigure: exact(PARENTS),
  child: exact(CHILD),
  me: exact(['mig', 'mej', 'oss']),
  victim: exact(['mig', 'mej', 'oss', 'mamma', 'min mamma', 'mig och barnen', 'oss alla', 'min fru', 'min familj', 'mig och mamma']),
  himHer: exact(['honom', 'henne', 'dem', 'dom']),
  self: exact(['jag', 'ja', 'vi']),
  we: exact(['vi', 'jag och min man', 'jag och pappa', 'jag och mamma', 'jag']),
  personal: exact(['jag', 'mig', 'mej', 'min', 'mitt', 'mina', 'vi', 'oss', 'vår', 'vårt', 'våra']),
  selfObj: exact(['mig själv', 'mej själv', 'sig själv', 'sej själv', 'mig sjäv', 'mig själ']),
  reflexive: exact(['mig', 'mej']),
  reflexiveSelf: exact(['sig', 'sej']),
  childOf: exact(['barnens', 'våra', 'mina']),

  // ---------------------------------------------------------------------------------------------- what is done
  hit: [
    '=slår', '=slog', '=slagit', '=slå', '=slagen', '=sla', 'sparkar', 'sparkade', 'sparka', 'knuffar', 'knuffade', 'knuffa', '=puttar',
    '=puttade', 'nyper', '=nypte', 'luggar', 'luggade', 'misshandlar', 'misshandlade', 'misshandla', 'agar', '=agade', 'örfilar',
    'örfilade', 'smiskar', 'smiskade', 'smiska', 'dänger', '=dängde', '=klipper till', '=klippte till', 'drämmer', '=drämde', 'bankar',
    'bankade', '=biter', '=bet', 'attackerar', 'attackerade', '=överföll', '=överfaller', 'skakar', 'skakade', '=slänger', '=slängde',
    '=kastade', '=sticker ner', '=stack ner', 'knivhögg', '=knivhugger',
  ],
  harm: ['skada', 'skadar', 'skadade', 'skadat', '=göra illa', '=gör illa', '=gjorde illa', '=gjort illa', 'misshandla', '=ge sig på', '=ger sig på', '=gav sig på'],
  kill: [
    '=döda', '=dödar', '=dödade', '=dödat', 'mörda', 'mördar', 'mördade', '=ta livet av', '=tar livet av', '=tog livet av', '=slå ihjäl',
    '=slår ihjäl', '=slog ihjäl', '=skjuta', '=skjuter', '=sköt', '=ha ihjäl', '=har ihjäl',
  ],
  choke: ['=stryper', '=strypte', '=strypt', '=ströp', '=strypa', 'kväver', '=kvävde', 'kväva', '=tog stryptag på', '=tar stryptag på', '=tog strypgrepp på'],
  lockin: ['=låser in', '=låste in', '=låst in', '=stänger in', '=stängde in', '=låser', '=låste'],
  burn: ['=bränner', '=brände', '=bränt', '=bränna'],
  threaten: ['hotar', 'hotade', 'hotat', 'hota', '=hotas', '=hotfull'],
  harmWord: [
    '=döda', '=dödar', 'skada', '=slå', '=slår', 'mörda', '=ta livet av', 'kniv*', 'pistol*', 'vapen', 'yxa*', '=stryk', 'spöa', 'ihjäl',
    '=skjuta', '=bränna', '=göra illa', '=gör illa', '=förstöra mig', 'syra', '=spöstraff',
  ],
  assault: [
    '=tog mig om halsen', '=tar mig om halsen', '=tog tag i halsen', '=tog mig i halsen', '=drog mig i håret', '=slet mig i håret',
    '=drar mig i håret', '=knuffade ner mig', '=höll fast mig', '=håller fast mig', '=tryckte upp mig mot', '=trycker upp mig mot',
    '=spottade på mig', '=spottar på mig', '=kastade mig', '=slängde mig', '=höll för min mun', '=satte sig på mig', '=stryptag på mig',
    '=händerna runt min hals', '=höll en kniv mot',
  ],
  grab: exact(['tog tag i', 'tar tag i', 'grep tag i', 'griper tag i', 'höll hårt i', 'håller hårt i', 'vred om', 'vrider om', 'drog i', 'drar i', 'slet i', 'klämde']),
  myBodyPart: exact(['min hals', 'mitt hår', 'min arm', 'mina armar', 'min nacke', 'mitt ansikte', 'min handled', 'halsen på mig', 'håret på mig']),
  throw: exact(['slängde', 'kastade', 'kastar', 'slänger', 'har kastat', 'har slängt']),
  atMe: exact(['på mig', 'mot mig', 'efter mig', 'i huvudet på mig', 'på oss', 'mot oss']),
  weaponAct: ['=viftade med', '=viftar med', '=höll', '=riktade', '=kom emot mig med', '=tog fram', '=drog fram', '=hotade med', '=hotar med'],
  weapon: ['=kniv', '=kniven', '=en kniv', '=pistol', '=pistolen', '=en pistol', '=vapen', '=ett vapen', '=yxa', '=en yxa', '=ett basebollträ'],
  violent: ['våldsam', 'våldsamt', 'våldsamma', 'handgriplig', 'handgripliga', 'aggressiv', 'aggressivt'],
  against: exact(['mot', 'emot']),
  blow: exact(['en örfil', 'örfil', 'stryk', 'en smäll', 'ett slag', 'en lavett', 'blåmärken', 'en propp', 'smisk']),
  violenceWord: [
    'misshandel*', 'misshandlad', 'våld i nära relation*', 'partnervåld', 'kvinnomisshandel', 'mordhot*', 'dödshot*', 'stryptag', 'strypgrepp',
    'kvinnojour*', 'skyddat boende', 'kontaktförbud', 'våldsam relation', 'utsatt för våld', 'våld hemma', 'våldet hemma',
  ],
  forMyLife: exact(['för mitt liv', 'för mitt eget liv', 'för våra liv', 'om mitt liv', 'att han ska döda mig', 'att han dödar mig']),
  game: [
    ...exact(['i schack', 'i fia', 'i memory', 'i kort', 'i uno', 'i monopol', 'i yatzy', 'i fotboll', 'i tennis', 'i pingis', 'i golf',
      'i badminton', 'i bowling', 'i loppet', 'i armbrytning', 'på tennis', 'på schack', 'i finalen', 'i matchen']),
    '=i spel*', '=i tävling*', '=i frågesport*', '=i mario*', '=på spel*',
  ],
  pat: exact(['på axeln', 'i ryggen', 'på ryggen', 'på skoj', 'på skämt', 'av misstag', 'en high five', 'lätt på']),
  legal: [
    'advokat*', 'socialen', 'soc', 'polisen', 'tingsrätt*', 'rättegång*', 'domstol*', 'vårdnad*', 'anmäla', 'anmälan', '=sluta betala',
    'underhåll*', '=ta barnen', '=flytta', '=berätta', '=ringa', '=skilja', '=skilsmässa', '=lämna', '=stänga', '=ta bort',
  ],
  thing: exact(['löken', 'papper', 'pappret', 'brödet', 'tårtan', 'håret', 'gräset']),

  // ---------------------------------------------------------------------------------------------- wishes
  suicideWord: ['självmord*~', 'suicid*', 'sjävmord*', 'överdos*~', 'kms', '=ta livet av mig', '=ta livet av mej'],
  topic: exact(['hur pratar', 'hur pratar man', 'hur ska jag prata', 'hur förklarar', 'hur ska jag förklara', 'förklara för barnen',
    'prata med barnen om', 'prata med barn om', 'hur vanligt', 'statistik', 'artikel om', 'dokumentär', 'skolarbete', 'varningssignaler',
    'tecken på', 'prata om', 'i skolan', 'på lektionen', 'tema', 'vanligt', 'föreläsning']),
  topicBefore: exact(['vad är', 'vad betyder', 'vad räknas som', 'räknas som', 'vad menas med']),
  suicidePhrase: [
    '=ta livet av mig', '=ta livet av mej', '=tar livet av mig', '=tog livet av mig', '=ta mitt liv', '=ta mitt eget liv', '=tar mitt liv',
    '=avsluta mitt liv', '=avsluta livet', '=göra slut på mig', '=göra slut på allt', '=göra slut på mitt liv', '=vill inte vara med längre',
    '=vill inte vara med mer', '=vill inte va med längre', '=inte finnas längre', '=inte finnas mer', '=önskar att jag var död',
    '=önskar jag var död', '=önskar att jag inte fanns', '=önskar att jag aldrig fötts', '=önskar att jag aldrig blivit född',
    '=vill vara död', '=vill va död', '=vill bara vara död', '=somna in för alltid', '=försvinna för alltid', '=trött på livet',
    '=trött på att leva', '=hänga mig', '=hänger mig', '=skära upp handlederna', '=skära upp mina handleder', '=kasta mig framför',
    '=hoppa framför', '=framför tåget', '=framför ett tåg', '=framför tunnelbanan', 'snara', '=dö ifrån allt', '=vill sluta leva',
    '=vill sluta finnas', '=vill inte vara här längre', '=vill inte va här längre', '=vill inte vara här mer', '=vill inte finnas här längre', '=slippa vakna', '=skönt att dö', '=skönt att slippa leva', '=ta sitt liv', '=ta sitt eget liv', '=tar sitt liv', '=ta livet av sig', '=tar livet av sig', '=tog livet av sig', '=vill sluta existera', '=sluta existera', 'självmordstank*', 'självmordsförsök*', '=suicidal', 'suicidtank*'],
  endIt: exact(['avsluta allt', 'avsluta det', 'avsluta livet', 'avsluta mitt liv', 'göra slut på allt', 'göra slut på det', 'sätta punkt', 'avsluta alltihop', 'göra slut på mig']),
  crash: exact(['köra in i en bergvägg', 'köra in i ett träd', 'köra in i en lastbil', 'köra in i en vägg', 'köra av vägen', 'krascha bilen', 'köra ihjäl mig']),
  killSelf: ['=döda', '=dödar', '=ta livet av', '=hänga', '=dränka', '=skjuta', 'förgifta', '=strypa', '=avsluta'],
  want: [
    '=vill', '=ville', '=vil', 'önskar', 'längtar', '=ska', '=skall', 'tänker', '=kommer att', '=funderar på', 'planerar', '=har bestämt mig för att',
    '=känner för att', '=vill bara', '=vill helst', '=hoppas', '=tänkt', '=tänkte', '=funderat på', '=funderade på', '=tänkt på', '=tänker på', '=tänkte på', '=funderar på att'],
  die: exact(['dö', 'vara död', 'va död', 'dödd', 'få dö', 'dö nu', 'slippa leva']),
  dieIdiom: exact(['av', 'för', 'på', 'hellre', 'ut', 'i', 'lite']),
  notLive: [
    '=vill bara? inte leva', '=vill verkligen? inte leva', '=vill int leva', '=vill ej leva', '=vill inge leva', '=orkar inte leva',
    '=orkar int leva', '=orkar inte längre leva', '=kan inte leva längre', '=orkar inte mer med livet', '=orkar inte med livet',
    '=inte värt att leva', '=inte värd att leva', '=ingen mening med livet', '=ingen mening med att leva', '=ingen mening att leva',
    '=ingen idé att leva', '=ingen anledning att leva', '=inget att leva för', '=vill inte finnas', '=orkar inte finnas', '=vill inte existera',
    '=vill inte leva längre', '=orkar inte leva mer', '=vill inte vakna', '=inte vill leva', '=inte vill finnas', '=inte orkar leva', '=inte vill vara med längre', '=inte vill existera', '=inte vill leva längre'],
  withPerson: exact(['med', 'ihop', 'tillsammans', 'i', 'på', 'under', 'nära', 'hos', 'där', 'här', 'som']),
  neverWake: exact(['aldrig vakna', 'aldrig vakna upp', 'inte vakna', 'inte vakna igen', 'aldrig vaknade', 'inte vaknade', 'slippa vakna',
    'aldrig vaknade igen', 'aldrig mer vakna']),
  betterOff: [
    '=bättre utan mig', '=bättre för alla utan mig', '=bättre om jag inte fanns', '=bättre om jag var död', '=bättre om jag dog',
    '=bättre om jag försvann', '=lättare för alla utan mig', '=lättare utan mig', '=ingen skulle sakna mig', '=ingen skulle märka om jag',
    '=ingen skulle bry sig om jag', '=alla skulle ha det bättre', '=en börda för alla', '=bara en börda', '=bättre för alla om jag',
  ],
  jump: ['=hoppa', '=hoppar', '=hoppade', '=kasta mig', '=kastar mig', '=ställa mig', '=lägga mig'],
  height: exact(['bron', 'en bro', 'tåget', 'ett tåg', 'tunnelbanan', 'taket', 'balkongen', 'fönstret', 'ett hus', 'hustaket', 'ett högt hus',
    'spåret', 'spåren', 'rälsen', 'motorvägen', 'en lastbil', 'bussen', 'framför', 'stupet', 'ett stup', 'klippan']),
  leisure: ['=tian', 'trampolin*', 'badhus*', 'hopptorn*', '=sjön', 'bryggan', '=vattnet', 'simhall*', '=för skojs skull', '=sommaren', '=kul', '=roligt', '=läskigt'],
  swallow: ['=ta', '=tar', '=tog', '=tagit', '=svälja', '=sväljer', '=svalde', '=äta', '=äter', '=åt', '=knapra'],
  quantity: exact(['alla', 'hela', 'en massa', 'massa', 'många', 'en hel', 'hela burken', 'hela kartan', 'alla mina', 'för många', '20', '30',
    '40', '50', '100', 'en burk', 'en kartong', 'en näve']),
  pills: ['tablett*', 'piller', 'sömntablett*', 'sömnmedel', 'sömnmedicin', 'medicin*', 'alvedon', 'panodil', 'citodon', 'tramadol',
    'antidepressiva', 'insulin', 'värktabletter'],
  hoard: exact(['samlat på mig', 'samlar på mig', 'samlat', 'sparat', 'sparar', 'gömt', 'gömmer', 'köpt', 'har köpt', 'skaffat', 'tillräckligt med', 'tillräckligt']),
  hoarded: exact(['sparade', 'gömda', 'sparat', 'redo', 'undanstoppade']),
  rope: exact(['rep', 'ett rep', 'repet', 'snara', 'en snara']),
  ropeUse: exact(['till båten', 'till tältet', 'för att klättra', 'till klättring', 'till gungan', 'till flyttkartongerna']),
  write: exact(['skrivit', 'skrev', 'skriver', 'har skrivit']),
  letter: exact(['brev', 'ett brev', 'brev till', 'avskedsbrev', 'ett sista brev', 'sista brevet']),
  toFamily: exact(['till mina barn', 'till barnen', 'till alla', 'till familjen', 'till min familj', 'till mamma', 'till pappa', 'ifall något händer mig', 'om något händer mig']),
  goodbye: ['avskedsbrev*~', '=brev till alla', '=sagt hejdå till alla', '=säga hejdå till alla', '=sagt adjö', '=ordnat allt inför', '=ordnat mina affärer', '=skrivit testamente', '=skrivit mitt testamente', '=gjort testamente'],
  giveAway: exact(['gett bort', 'ger bort', 'gav bort', 'ge bort', 'skänkt bort', 'skänker bort', 'gjort mig av med', 'gör mig av med', 'gjort mig av']),
  give: exact(['gett', 'ger', 'gav', 'ge', 'skänkt']),
  myThings: exact(['mina saker', 'mina grejer', 'mina prylar', 'allt mitt', 'mina kläder', 'mina djur', 'min katt', 'min hund', 'alla mina saker']),
  away: exact(['bort']),

  // ---------------------------------------------------------------------------------------------- self-harm
  selfHarmWord: ['självskad*~', 'sjalvskad*', 'självskadebeteende'],
  selfHarm: [
    'skada', 'skadar', 'skadade', 'skadat', '=skär', '=skar', '=skurit', '=skära', '=slå', '=slår', '=slog', '=slagit', '=bränna', '=bränner',
    '=brände', 'rispa', 'rispar', 'rispade', 'svälta', '=svälter', 'straffa', 'straffar', '=göra illa', '=gör illa', '=gjorde illa', '=nyper', '=biter',
  ],
  cutSelf: [
    '=skadar', '=skada', '=straffar', '=skär', '=skar', '=skurit', '=skära', '=skärt', 'rispa', 'rispar', 'rispade', 'rispat', '=river', '=rev', '=bränner', '=brände', '=bränna', '=svälter', '=svälta', 'kräks'],
  myBody: exact(['armarna', 'armen', 'handlederna', 'handleden', 'låren', 'benen', 'huden', 'magen', 'mina armar', 'min arm', 'min handled']),
  selfHarmHabit: exact(['skär sig igen', 'börjat skära sig', 'har börjat skära', 'skära sig igen']),
  accident: [
    'kök*', '=lagade mat', '=lagar mat', '=hackade', '=hackar', '=skalade', '=fingret', '=fingrarna', '=tummen', 'glasbit*', '=rakade', '=rakar',
    'cykel*', 'fotboll*', '=gympan', 'träning*', '=trappan', 'olycka*', '=ramlade', '=ramlat', '=föll', '=spisen', '=ugnen', '=strykjärnet',
    '=av misstag', '=råkade', '=råka', '=matchen', '=innebandy*', 'skridsko*', '=skidor', '=på jobbet', '=papperet', '=pappret', '=knät', '=armbågen', '=foten', '=tån', '=huvudet', '=handen'],
  bang: ['=dunkar', '=dunkade', '=slår', '=slog', '=bankar', '=bankade'],
  myHead: exact(['huvudet', 'skallen', 'sitt huvud', 'mitt huvud', 'pannan']),
  wall: exact(['i väggen', 'mot väggen', 'i golvet', 'mot golvet', 'väggen']),

  // ---------------------------------------------------------------------------------------------- sexual abuse
  abuseWord: [
    'sexuella övergrepp', 'sexuellt övergrepp', 'övergrepp*~', 'våldtäkt*~', '=våldtog', '=våldtagit', 'våldta*', 'tafsa*', 'sexuellt utnyttjad',
    '=utnyttjade mig sexuellt', '=utnyttjar mig sexuellt', '=förgrep sig', '=förgriper sig', '=förgripit sig', 'incest', 'grooming', 'groomad*',
  ],
  touch: exact(['tar på', 'tog på', 'tagit på', 'rör', 'rörde', 'rört', 'rör vid', 'rörde vid', 'rört vid', 'tafsar', 'känner på', 'kände på',
    'smeker', 'smekte', 'klämmer på', 'klämde på', 'pillar på', 'pillade på']),
  touchPlain: exact(['rör vid', 'rörde vid', 'rört vid', 'känner på', 'kände på', 'tafsar', 'tafsade', 'smeker', 'smekte', 'pillar på', 'pillade på']),
  touchObj: exact(['mig', 'mej', 'henne', 'honom', 'min dotter', 'min son', 'barnen', 'min kropp', 'mina bröst', 'mellan benen', 'under kläderna',
    'min snopp', 'min snippa', 'min lillasyster', 'min lillebror']),
  touchMarker: [
    ...exact(['där nere', 'på natten', 'på nätterna', 'i sängen', 'i min säng', 'på rummet', 'mitt rum', 'konstigt', 'konstig', 'obehagligt',
      'under kläderna', 'hemlighet', 'hemlis', 'inte ville', 'ville inte', 'inte får berätta', 'inte säga', 'när mamma', 'när pappa',
      'när ingen', 'naken', 'nakna', 'sexuellt', 'privata', 'snippan', 'snoppen', 'brösten', 'rumpan', 'stjärten', 'fel sätt',
      'på ett sätt', 'äckligt', 'jobbigt', 'inte vill', 'när hon sover', 'när jag sover', 'när han sover', 'när jag är ensam', 'när vi är ensamma']),
  ],
  sexAct: ['porr*', 'nakenbild*', '=nakna bilder', '=klä av mig', '=klär av mig', '=ta av mig kläderna', '=sex med mig', '=ha sex', '=sexuella saker',
    '=visade sin snopp', '=kysste mig på munnen', '=sova i hans säng', '=ta på honom', '=röra honom'],
  comeInto: exact(['kommer in i', 'kom in i', 'kommer in på', 'kom in på', 'kryper ner i', 'kröp ner i', 'lägger sig i', 'la sig i', 'smyger in i']),
  myRoom: exact(['mitt rum', 'min säng', 'mitt sovrum', 'hennes rum', 'hennes säng', 'hans rum']),
  sendPics: exact(['skickade bilder', 'skickar bilder', 'skickat bilder', 'skickar meddelanden', 'skickade filmer']),
  askPics: exact(['bad om bilder', 'ber om bilder', 'ville ha bilder', 'vill ha bilder', 'bad mig skicka', 'ber mig skicka', 'vill träffas',
    'inte berätta', 'bad om mina', 'vill ha mina']),

  // ---------------------------------------------------------------------------------------------- a child in danger
  abroad: [
    ...exact(['utomlands', 'ut ur landet', 'utanför sverige', 'från sverige', 'till hemlandet', 'hemlandet', 'hans hemland', 'sitt hemland',
      'hennes hemland', 'till sitt land', 'aldrig komma tillbaka', 'för alltid', 'och försvinna', 'utan mitt tillstånd', 'utan att säga',
      'till hans familj', 'till släkten']),
    'irak*', 'syrien', 'libanon', 'turkiet', 'iran', 'afghanistan', 'pakistan', 'somalia', 'eritrea', 'egypten', 'marocko', 'algeriet',
    'tunisien', 'libyen', 'jordanien', 'palestina', 'jemen', 'saudiarabien', 'sudan', 'etiopien', 'kurdistan', 'indien', 'bangladesh',
    'nigeria', 'bosnien', 'kosovo', 'serbien', 'gambia', 'kenya',
  ],
  hitPassive: exact(['blir slagen', 'blev slagen', 'har blivit slagen', 'blir slagna', 'blev slagna', 'blir misshandlad', 'blev misshandlad', 'blir misshandlade',
    'slås', 'misshandlas', 'blir hotad', 'blev hotad', 'får stryk', 'fick stryk', 'har fått stryk', 'blir sparkad på', 'blir knuffad', 'blev knuffad', 'blev strypt',
    'blir strypt', 'blir agad', 'blev agad']),
  holiday: ['semester*', 'ferie*', 'resa', '=jul', '=julen', '=påsk', '=sommar', '=sommaren', 'sportlov*', '=besök', '=hälsa på', '=vi'],
  take: ['=ta', '=tar', '=tog', '=tagit', '=föra', '=förde', '=fört', '=röva bort', '=rövar bort', '=rövade bort', 'kidnappa*', 'smuggla*', '=gömma',
    '=gömmer', '=gömde', '=fly med', '=flyr med', '=åka med', '=åker med', '=resa med', '=skicka', '=skickar', '=ta med', '=tar med'],
  kidnap: ['kidnappa*', '=rövade bort', '=rövat bort', '=har rövat bort', '=förde bort', '=har fört bort', 'bortförd'],
  whereabouts: exact(['vet inte var', 'vet inte vart', 'ingen aning om var', 'svarar inte', 'har stängt av telefonen', 'säger inte var', 'försvunnit', 'hittar inte']),
  missing: [
    ...exact(['försvunnen', 'försvunnit', 'försvann', 'saknas', 'har rymt', 'rymt', 'rymde', 'sprang hemifrån', 'stack hemifrån', 'kidnappad',
      'bortförd', 'har inte kommit hem', 'kom inte hem', 'inte kommit hem', 'svarar inte', 'inte hört av sig', 'är borta']),
  ],
  missObject: exact(['in', 'ut', 'i', 'från', 'efter']),
  drive: exact(['kör', 'körde', 'kört', 'köra', 'kör bil', 'körde bil']),
  drunk: ['=full', '=berusad', '=onykter', '=packad', '=drogad', '=påverkad', '=rattfull', '=aspackad', '=hög', '=drucken', '=stenad', '=druckit', '=har druckit'],
  fullIdiom: exact(['fart', 'gas', 'tank', 'rulle', 'koll', 'pott', 'fokus', 'tid', 'sysselsättning', 'hus']),
  unsafe: exact(['inte säkra', 'inte säker', 'inte säkert', 'inte trygga', 'inte trygg', 'inte tryggt', 'otrygga', 'otrygg', 'i fara', 'far illa', 'inte bra hos']),
  leave: exact(['lämnade', 'lämnar', 'lämnat', 'låste in']),
  alone: exact(['ensamma', 'ensam', 'själva', 'utan tillsyn', 'i bilen', 'ensamma hemma', 'hemma ensamma']),
  us: exact(['oss', 'mig och min bror', 'mig och min syster', 'mig och lillebror', 'mig och lillasyster']),
  aloneLong: exact(['ensamma hela', 'ensamma hemma', 'själva hela', 'ensamma över natten', 'ensamma i flera', 'ensamma på natten', 'själva hemma']),
  notDare: exact(['vågar inte', 'vågar aldrig', 'törs inte', 'tör inte', 'vågar ej', 'är rädd att', 'är rädda att', 'rädd för att', 'vågar int']),
  goHome: exact(['gå hem', 'åka hem', 'gå hem till', 'åka till pappa', 'åka till mamma', 'åka dit', 'gå dit', 'vara hemma', 'sova hos', 'sova där',
    'vara hos pappa', 'vara hos mamma', 'komma hem', 'gå till pappa', 'gå till mamma', 'åka tillbaka', 'gå tillbaka']),
  afraid: ['=rädd', '=rädda', '=livrädd', '=livrädda', '=skiträdd', '=jätterädd', '=jätterädda', '=skräckslagen', '=skrämd', '=vettskrämd', '=panikslagen', '=så rädd', '=väldigt rädd'],
  forChild: exact(['för barnens skull', 'för barnens säkerhet', 'för barnen när', 'för vad han gör med barnen']),

  // ---------------------------------------------------------------------------------------------- secrecy
  ourSecret: exact(['vår hemlighet', 'vår lilla hemlighet', 'vår hemlis', 'vår lilla hemlis', 'en hemlighet mellan oss', 'mellan oss två',
    'bara mellan oss', 'vår grej']),
  surprise: ['överrask*', 'present*', 'födelsedag*', 'julklapp*', '=kalas', '=kalaset'],
  say: exact(['säger', 'sa', 'sade', 'sagt', 'säga', 'ber mig', 'bad mig', 'vill att jag', 'fick mig att lova', 'tvingade mig att lova', 'lovat',
    'frågar', 'hotar', 'varnade']),
  notTell: exact(['inte får berätta', 'får inte berätta', 'inte får säga', 'får inte säga', 'inte ska berätta', 'inte berätta', 'inte säga',
    'inte får prata om', 'aldrig berätta', 'aldrig säga', 'hålla tyst', 'hålla det hemligt', 'hålla det för mig själv', 'inte skvallra',
    'ska tiga', 'inte tala om', 'inte får tala om', 'inte ska säga', 'inget säga', 'inte fick säga', 'inte fick berätta', 'fick inte säga', 'fick inte berätta', 'inte säga något', 'inte berätta något']),
  mustNot: exact(['inte får', 'inte fick', 'får inte', 'fick inte', 'inte ska', 'aldrig får', 'aldrig', 'inte', 'inte kan', 'ska inte']),
  tellVerb: exact(['berätta', 'säga', 'tala om', 'nämna', 'prata om', 'skvallra', 'säga något', 'berätta något', 'säga det']),
  wantsMe: exact(['vill att jag', 'ber mig', 'tvingar mig att', 'säger åt mig att', 'vill att jag ska']),
  tellAbout: exact(['berätta vem', 'berätta vad', 'berätta var', 'berätta om', 'tala om vem', 'tala om vad', 'skvallra om', 'rapportera om']),
  keepSecret: exact(['hålla det hemligt', 'hålla hemligt', 'hemlighålla', 'ljuga för', 'dölja det', 'hålla det hemlig']),
  fromParent: exact(['för mamma', 'för pappa', 'mamma', 'pappa', 'för alla', 'för min mamma', 'för min pappa']),
  spy: ['spionera*', '=spana på', '=rapportera till', '=berätta vad mamma', '=berätta vad pappa', '=ta reda på vad mamma', '=ta reda på vad pappa',
    '=berätta allt om mamma', '=berätta allt om pappa'],
  askOut: exact(['frågar ut mig', 'fråga ut mig', 'frågade ut mig', 'förhör mig', 'förhörde mig', 'frågar mig hela tiden', 'tvingar mig att berätta', 'ut mig']),
  aboutParent: exact(['om mamma', 'om pappa', 'vad mamma', 'vad pappa', 'mammas nya', 'pappas nya', 'vem mamma', 'vem pappa', 'var mamma', 'var pappa']),

  // ---------------------------------------------------------------------------------------------- control
  controlVerb: exact(['tar', 'tog', 'tagit', 'kontrollerar', 'kontrollerade', 'kollar', 'kollade', 'läser', 'läste', 'går igenom', 'gick igenom',
    'spårar', 'spårade', 'övervakar', 'gömmer', 'gömde', 'stjäl', 'stal', 'behåller', 'tar ifrån mig', 'tog ifrån mig', 'bestämmer över',
    'har tagit', 'beslagtog', 'låser in', 'snokar i', 'snokade i', 'slog sönder']),
  resource: exact(['mina pengar', 'alla mina pengar', 'mitt bankkort', 'mitt kort', 'mina kort', 'min lön', 'mitt bidrag', 'min mobil', 'min telefon',
    'mina sms', 'mina meddelanden', 'min mejl', 'mitt pass', 'mina nycklar', 'mitt konto', 'mitt bankkonto', 'min kod', 'mina lösenord',
    'var jag är', 'vem jag pratar med', 'vem jag träffar', 'allt jag gör', 'min dator', 'min ekonomi', 'mina papper', 'mitt id', 'våra pengar', 'alla våra pengar', 'vår ekonomi', 'hushållspengarna']),
  controlPhrase: exact(['spårar mig', 'spårar min', 'ser var jag är', 'vet var jag är', 'vet alltid var jag är', 'app i min telefon', 'app på min telefon',
    'app i min mobil', 'sändare på', 'delar min plats', 'platsdelning', 'gps på', '=fickpengar av honom', '=kollar alla kvitton', '=alla kvitton', '=varje kvitto', '=vad jag handlar', '=vad jag köper', '=ger mig inga pengar', '=ger mig inte pengar', '=får inga pengar av honom', '=ger mig aldrig pengar']),
  notAllowed: exact(['får inte', 'får aldrig', 'låter mig inte', 'lät mig inte', 'förbjuder mig', 'förbjöd mig', 'nekar mig', 'isolerar mig', 'stänger ute mig',
    'tillåter inte', 'hindrar mig', 'stoppar mig']),
  social: exact(['träffa mina vänner', 'träffa vänner', 'träffa kompisar', 'mina vänner', 'vänner', 'kompisar', 'mina kompisar', 'min familj', 'familjen',
    'mina föräldrar', 'jobba', 'arbeta', 'lämna huset', 'lämna lägenheten', 'ha egna pengar', 'egna pengar', 'ha en telefon', 'ringa min mamma', 'träffa min familj']),
  decide: exact(['bestämmer', 'bestämde', 'styr', 'kontrollerar']),
  whatIDo: exact(['vem jag', 'vad jag', 'var jag', 'allt', 'hur jag', 'när jag', 'vilka jag', 'över mig']),
  neverSee: exact(['aldrig får se', 'aldrig se', 'aldrig träffa', 'aldrig få träffa', 'aldrig mer se', 'förlora', 'ta ifrån mig', 'aldrig få se', 'inte få se', 'aldrig kommer att få se']),

  // ---------------------------------------------------------------------------------------------- fear
  of: exact(['för']),
  person: exact(['honom', 'henne', 'dem', 'dom', 'mitt ex', 'exet', 'min exman', 'min man', 'min fru', 'min sambo', 'pappa', 'sin pappa', 'min pappa',
    'mamma', 'min mamma', 'sin mamma', 'styvpappa', 'min styvpappa', 'vad han', 'vad hon', 'vad de', 'hans reaktion', 'hans humör', 'hur han',
    'när han', 'barnens pappa', 'deras pappa', 'min pojkvän', 'hans familj', 'hennes familj', 'min bror']),
  heWill: exact(['att han', 'att hon', 'för att han', 'för att hon', 'han ska', 'hon ska']),
  fearedAct: exact(['komma', 'komma hit', 'hitta mig', 'hitta oss', 'göra något', 'ta barnen', 'få reda på', 'bli arg', 'dyka upp', 'flippa', 'explodera', 'se mig', 'komma tillbaka', 'hämnas']),
  follow: ['förföljer', 'förföljde', 'förföljt', '=följer efter', '=följde efter', '=smyger efter', '=väntar utanför', '=står utanför', '=dyker upp', '=bevakar', '=spionerar på'],
  followPhrase: exact(['står utanför min dörr', 'står utanför mitt', 'dyker upp på mitt jobb', 'dyker upp på jobbet', 'dyker upp hemma', 'väntar utanför mitt', 'väntar utanför jobbet', 'väntar utanför skolan', 'kör förbi mitt hus', 'står utanför huset', 'bevakar huset']),
  online: exact(['på instagram', 'på insta', 'på tiktok', 'på snap', 'på facebook', 'på youtube', 'på twitter']),
  toPerson: exact(['till honom', 'honom', 'henne', 'till henne', 'med honom', 'mot honom', 'med henne', 'till pappa', 'till mamma']),

  // ---------------------------------------------------------------------------------------------- hopelessness, states
  hopeless: [
    '=orkar inte mer', '=orkar inte längre', '=orkar int mer', '=orkar ingenting', '=ser ingen utväg', '=ser ingen annan utväg', '=ingen utväg',
    '=enda utvägen', 'hopplös*', '=ingen idé', '=ingen mening', 'meningslös*', '=vad är meningen', '=vad är meningen med allt', '=vad är meningen med livet', '=vad är poängen med allt', '=vad är poängen', '=jag ger upp', '=gett upp',
    '=har gett upp', '=gav upp', '=står inte ut', '=klarar inte mer', '=klarar inte av det här', '=klarar inte av det längre', '=klarar inte längre',
    '=inget blir bättre', '=blir aldrig bättre', '=ingen framtid', '=vill bara försvinna', '=vill försvinna', '=allt är mörkt', '=kan inte mer',
    '=orkar inte mer med allt', '=pallar inte mer', '=klarar inte av något', '=ingen ork kvar', '=ingenting spelar roll',
    '=kan inte leva så här', '=hur jag ska orka', '=hur länge jag orkar', '=orkar inte så mycket mer', '=hur länge till jag orkar', '=hur jag ska klara det'],
  withThing: exact(['med', 'att', 'på', 'om', 'idag', 'nu', 'gå', 'städa', 'laga', 'jobba']),
  notSlept: exact(['inte sovit', 'inte sov', 'inte kunnat sova', 'ingen sömn', 'utan sömn', 'inte ätit', 'inte käkat', 'utan mat', 'knappt sovit', 'inte sovit något']),
  days: exact(['dygn', 'dagar', 'nätter', 'dag', 'vecka', 'veckor', 'flera dagar', 'tre dagar', 'fyra dygn']),
  confusion: exact(['hör röster', 'vet inte var jag är', 'vet inte vem jag är', 'håller på att bli galen och', 'förvirrad och rädd']),

  // ---------------------------------------------------------------------------------------------- idioms that are not what their words say
  joke: exact(['haha', 'hahaha', 'skämt', 'skämtar', 'lol', 'asg', 'skoja', 'skojar']),
  fiction: exact(['filmen', 'boken', 'serien', 'låten', 'spelet', 'i filmen', 'i boken', 'en karaktär', 'huvudpersonen']),
  resourceThing: exact(['laddare', 'laddaren', 'skal', 'skalet', 'sladd', 'sladden', 'nummer']),
  benign: [
    ...exact(['dö av skratt', 'dör av skratt', 'dog av skratt', 'döende av', 'dö av tristess', 'dör av tristess', 'dog av tristess', 'dör av längtan',
      'skrattade ihjäl mig', 'skrattar ihjäl mig', 'skratta ihjäl mig', 'skäms ihjäl', 'skäms ihjäl mig', 'skämdes ihjäl',
      'dödstrött', 'dödströtta', 'slå på', 'slå upp', 'slog upp', 'slå ihjäl tiden', 'slog sönder', 'slår sönder', 'slå av', 'slå igen', 'slår i dörrarna',
      'slår i dörren', 'slog i dörren', 'dödar tid', 'ta livet lugnt', 'hotar att regna', 'slår ihop',
      'slog ihop', 'slog mig i schack', 'mobilen dog', 'telefonen dog', 'batteriet dog', 'dog när jag var', 'växterna dog']),
  ],
};
