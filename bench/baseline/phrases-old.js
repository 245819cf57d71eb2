// The phrase table of the crisis detector before the lexicon rebuild (commit 601625a, src/safety/phrases.ts compiled by tsc).
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FUZZY_WORDS = exports.BENIGN = exports.NEGATION_BREAKS = exports.NEGATION_FILLERS = exports.NEGATIONS = exports.PHRASES = void 0;
/** A pattern from pieces, so shared word lists stay in one place. The `u` flag only checks the syntax here. */
function re(...parts) {
    return new RegExp(parts.join(''), 'u');
}
/** One of several alternatives, as a non-capturing group. */
function any(...alts) {
    return `(?:${alts.join('|')})`;
}
/** Up to `n` further words in the same clause. */
function gap(n) {
    return `(?: \\p{L}+){0,${n}}`;
}
// ---------------------------------------------------------------------------------------------------------------
// Swedish (folded: å/ä → a, ö → o)
const SV_ME = any('mig', 'mej');
const SV_SELF_OBJ = any('mig', 'mej', 'sig', 'dig', 'dej');
const SV_CHILD = any('barnen', 'barnet', 'ungarna', 'ungen', 'mitt barn', 'mina barn', 'vart barn', 'vara barn', 'min son', 'min dotter', 'var son', 'var dotter', 'sonen', 'dottern', 'pojken', 'flickan', 'tjejen', 'grabben', 'bebisen', 'lillebror', 'lillasyster', 'min lillebror', 'min lillasyster', 'min bror', 'min syster', 'mina syskon', 'syskonen', 'minstingen');
/** People a parent writes about when describing partner violence. */
const SV_PARTNER = any('han', 'hon', 'exet', 'ex', 'exman', 'exmannen', 'exfrun', 'man', 'mannen', 'maken', 'frun', 'sambon', 'pojkvannen', 'flickvannen', 'killen', 'tjejen', 'partnern', 'dom', 'de', 'pappan', 'mamman', 'barnens pappa', 'barnens mamma');
/** A parent or step-parent, as a child writes about them ("pappa", "mammas nya kille"). */
const SV_PARENT = any('pappa', 'mamma', 'farsan', 'morsan', 'styvpappa', 'styvmamma', 'bonuspappa', 'bonusmamma', 'styvfar', 'styvmor', 'mammas kille', 'mammas nya kille', 'mammas sambo', 'pappas tjej', 'pappas nya tjej', 'pappas sambo', 'min far', 'min mor', 'min pappa', 'min mamma', 'farfar', 'morfar', 'farmor', 'mormor', 'min bror', 'storebror');
const SV_HIT = any('slar', 'slog', 'slagit', 'sla', 'sparkar', 'sparkade', 'sparkat', 'sparka', 'knuffar', 'knuffade', 'knuffat', 'knuffa', 'stryper', 'strypte', 'strypt', 'strop', 'nyper', 'nypte', 'luggar', 'luggade', 'misshandlar', 'misshandlade', 'misshandlat', 'misshandla', 'agar', 'agade', 'aga', 'orfilar', 'orfilade', 'smiskar', 'smiskade', 'smiska', 'dangar', 'dangade', 'klipper till', 'klippte till', 'drammer', 'drammde', 'bankar', 'bankade', 'kvaver', 'kvavde', 'biter', 'bet');
/** "beat them at Memory", "slog barnen i fia": games and sport, not violence. */
const SV_GAME = `(?! (?:i|pa) (?:\\p{L}+ )?(?:spel\\p{L}*|schack|fia\\p{L}*|memory|kort\\p{L}*|uno|monopol|yatzy|fotboll|tennis|pingis|golf|mario\\p{L}*|badminton|bowling|tavling\\p{L}*|loppet|fragesport\\p{L}*))`;
const SV_HARM = any('skada', 'skadar', 'skadade', 'doda', 'dodar', 'dodade', 'morda', 'mordar', 'slå', 'sla', 'slar', 'ta livet av', 'tar livet av', 'gora illa', 'gor illa', 'sla ihjal', 'skjuta', 'skjuter', 'knivhugga', 'hugga', 'misshandla', 'strypa', 'elda upp', 'brana');
const SV = {
    suicide: {
        absolute: [
            re('\\b', any('vill', 'orkar', 'kan', 'ids', 'vagar'), ' ', any('inte', 'int', 'inge', 'ej', 'aldrig'), '(?: \\p{L}+)? ', any('leva', 'finnas', 'lev'), '\\b', '(?! (?:med|ihop|tillsammans|i (?:den|det|samma|en)|pa (?:det|samma|en)|under|nara|hos|dar|har i|utan))'),
            re('\\b', any('vill', 'orkar'), ' ', any('inte', 'int', 'ej'), ' ', any('vara med', 'vakna'), ' ', any('langre', 'mer', 'igen', 'nagonsin', 'imorgon'), '\\b'),
            re('\\b', any('orkar', 'klarar'), ' ', any('inte', 'int', 'ej'), ' ', any('mer med livet', 'med livet', 'leva mer', 'livet langre', 'livet mer'), '\\b'),
            re('\\b(?:inte|ingen|ej) ', any('vart att leva', 'vard att leva', 'mening med livet', 'mening med att leva', 'mening att leva', 'ide att leva', 'anledning att leva', 'anledning att fortsatta leva', 'framtid for mig'), '\\b'),
            'livet ar inte vart att leva',
            'ingen skulle sakna mig',
            'ingen skulle marka om jag',
        ],
        phrases: [
            'självmord*',
            'suicid*',
            re('\\b', any('ta', 'tar', 'tog', 'tagit', 'tagit', 'tar'), ' ', any('livet av (?:mig|mej|sig)', 'mitt (?:eget )?liv', 'sitt (?:eget )?liv'), '\\b'),
            re('\\b', any('vill', 'ville', 'vil', 'onskar', 'langtar', 'langtar efter att'), ' ', any('bara ', 'helst ', 'typ ', 'nog ', 'ocksa ', 'hellre ', 'garna ', 'bara fa ', 'fa '), '?', any('do', 'doo', 'doden', 'dodd'), '\\b(?! (?:av skratt|av skam|av tristess))'),
            re('\\b', any('vill', 'ville', 'onskar'), '(?: \\p{L}+)? ', any('vara dod', 'va dod', 'vara doed', 'somna in for alltid', 'somna och aldrig vakna', 'forsvinna for alltid'), '\\b'),
            re('\\b', any('onskar', 'om', 'battre om', 'bast om', 'battre for alla om', 'kanske battre om'), gap(3), ' jag ', any('var', 'vore', 'va', 'ar'), ' ', any('dod', 'borta for alltid'), '\\b'),
            re('\\b', any('battre for alla', 'battre', 'lattare for alla'), ' ', any('om jag inte fanns', 'om jag inte levde', 'utan mig', 'om jag dog', 'om jag forsvann for alltid'), '\\b'),
            re('\\b', any('hoppa', 'hoppar', 'kasta mig', 'kastar mig', 'stalla mig'), ' ', any('framfor', 'fran', 'ut fran', 'ner fran', 'av', 'ut genom', 'ut'), ' ', any('taget', 'tag', 'ett tag', 'tunnelbanan', 'bilen', 'en bil', 'bussen', 'en buss', 'bron', 'en bro', 'taket', 'balkongen', 'fonstret', 'ett hoghus', 'lastbil\\p{L}*'), '\\b'),
            re('\\b', any('hanga', 'hanger', 'drunkna', 'dranka', 'skjuta', 'forgifta', 'strypa'), ' ', any(SV_ME, 'sig'), '(?! (?:med|pa|i) (?:dig|er|oss|honom|henne|pa|jobbet))\\b'),
            'överdos*',
            re('\\b', any('ta', 'tar', 'svalja', 'svaljer', 'ata', 'ater'), ' ', any('alla', 'hela burken', 'hela kartan', 'en massa', 'massa'), ' ', any('tabletter', 'piller', 'sommedicin', 'sovtabletter', 'medicinerna', 'tabletterna'), '\\b'),
            'avskedsbrev*',
            'döda mig själv',
            'doda mej sjalv',
            'vill försvinna för alltid',
            'ser ingen utväg',
            'enda utvägen',
        ],
    },
    'self-harm': {
        phrases: [
            re('\\b', any('skada', 'skadar', 'skadat', 'skadade', 'skada'), ' ', SV_SELF_OBJ, ' sjalv', '\\b(?! (?:pa|i) (?:cykeln|fotbollen|gympan|traningen|trappan|olyckan))'),
            'självskad*',
            re('\\b', any('skar', 'skara', 'skurit', 'skuren', 'skaer', 'skarde'), ' ', SV_SELF_OBJ, '\\b', '(?! (?:i|pa) (?:fingret|fingrarna|tummen|handen pa|foten|ett papper|papperet|pappret|en glasbit|glaset|konservburken|kniven nar|brodkniven|rakhyveln nar))(?! nar jag (?:hackade|skar|lagade|rakade))'),
            re('\\b', any('rispa', 'rispar', 'rispat', 'rispade', 'krafsar', 'klosa', 'kloser', 'klost'), ' ', SV_SELF_OBJ, '\\b'),
            re('\\b', any('river', 'rev', 'kliar'), ' ', SV_SELF_OBJ, gap(2), ' ', any('till blods', 'tills det blor', 'sa det blor'), '\\b'),
            re('\\b', any('branner', 'branna', 'brande', 'brant'), ' ', SV_SELF_OBJ, gap(2), ' ', any('med cigarett\\p{L}*', 'med tandare\\p{L}*', 'med strykjarn\\p{L}*', 'med flit', 'medvetet', 'med ljus', 'pa armen', 'pa armarna', 'pa benen', 'pa huden'), '\\b'),
            re('\\b', any('slar', 'slog', 'sla', 'slagit', 'dunkar', 'dunkade', 'bankar', 'bankade', 'nyper', 'biter'), ' ', any(SV_ME + ' sjalv', 'sig sjalv', 'huvudet i vaggen', 'huvudet i golvet', 'skallen i vaggen'), '\\b'),
            re('\\b', any('svalter', 'svalta', 'svalt'), ' ', SV_SELF_OBJ, '\\b'),
            re('\\b', any('kraks', 'kraker', 'spyr'), ' ', any('med flit', 'medvetet', 'efter varje mal'), '\\b'),
            re('\\bjag ', any('vill', 'ska', 'kommer att', 'kommer', 'brukar', 'har borjat', 'borjar', 'vill bara'), ' ', any('skada', 'skara', 'rispa', 'branna', 'sla'), ' ', SV_ME, '\\b'),
        ],
    },
    violence: {
        phrases: [
            re(`(?<!\\bjag )(?<!\\bjag har )\\b`, any('slog', 'slar', 'slagit', 'sparkade', 'sparkar', 'sparkat', 'knuffade', 'knuffar', 'knuffat', 'strypte', 'stryper', 'strypt', 'strop', 'misshandlade', 'misshandlar', 'misshandlat', 'nypte', 'luggade', 'bet', 'biter', 'brottade ner', 'dunkade', 'bankade', 'kvavde', 'attackerade', 'overfoll', 'klippte till', 'drammde'), `(?: ${SV_PARTNER})?(?: (?:ner|omkull|undan|in|ut))? `, SV_ME, '\\b', SV_GAME, '(?! (?:pa (?:fingrarna|axeln som)|med (?:hans|hennes) (?:argument|svar)|(?:i|med) (?:armbrytning|tavling)))'),
            re('\\b', any('slog', 'slar', 'slagit', 'sparkade', 'knuffade', 'drog', 'slet'), `(?: ${SV_PARTNER})? `, SV_ME, gap(2), ' ', any('i haret', 'i vaggen', 'i golvet', 'ner pa golvet', 'nerfor trappan', 'i ansiktet', 'i magen', 'med knytnaven'), '\\b'),
            re('\\b', any('tog', 'tar', 'tagit', 'gav', 'ger'), ' ', any('stryptag', 'strypgrepp', SV_ME + ' en orfil', SV_ME + ' stryk', SV_ME + ' en small', 'struptag'), '\\b'),
            re('\\b', any('stryptag', 'strypgrepp', 'struptag', 'kvavningsforsok', 'mordhot', 'dodshot'), '\\b'),
            re('\\b', any('hotade', 'hotar', 'hotat', 'hota', 'hotas', 'hotande'), ' ', SV_ME, '\\b(?! (?:med|om) (?:att (?:sluta|ta bort|stanga|inte|ringa|saga|ga till|ansoka|begara)|advokat|socialen|polisen|tingsratten|rattegang|domstol|att flytta))'),
            re('\\b', any('hotade', 'hotar', 'hotat', 'hota', 'hotas'), `(?: ${SV_ME})?`, ' ', any('att', 'med att', 'om att', 'med'), gap(4), ' ', any(SV_HARM, 'doda', 'kniv\\p{L}*', 'pistol\\p{L}*', 'vapen', 'yxa\\p{L}*', 'stryk', 'spoa', 'mord'), '\\b'),
            re('\\b', SV_PARTNER, '\\b', gap(6), ' ', any('ska', 'skall', 'kommer att', 'kommer', 'vill', 'sa att han ska', 'sa att hon ska', 'hotar att', 'forsokte', 'forsoker', 'tanker', 'skulle', 'kan', 'har lovat att'), gap(1), ' ', SV_HARM, ' ', any(SV_ME, 'oss', 'mig och barnen', 'oss alla'), '\\b'),
            re('\\b', any('doda', 'dodar', 'morda', 'mordar', 'ta livet av'), ' ', any('oss', 'oss alla', 'mig och barnen'), '\\b'),
            re('\\b', any('rad', 'radd', 'skrammd', 'livradd', 'jatteradd', 'skitradd', 'radda'), ' ', any('for', 'att'), ' ', any('honom', 'henne', 'mitt ex', 'exet', 'min man', 'min exman', 'min fru', 'mitt livs', 'vad han ska gora', 'vad hon ska gora', 'vad han kan gora', 'att do', 'for mitt liv', 'mitt liv'), '\\b'),
            re('\\b', any('misshandel', 'misshandlad', 'misshandlade', 'misshandlas', 'vald i nara relation\\p{L}*', 'partnervald', 'kvinnomisshandel', 'valdsam mot mig', 'valdsam mot oss', 'valdsamma mot mig', 'kvinnojour\\p{L}*', 'skyddat boende', 'kontaktforbud'), '\\b'),
            re('\\b', any('ar', 'blir', 'var', 'blev'), ' ', any('valdsam', 'valdsamt', 'handgriplig'), '\\b(?! (?:i|pa) (?:filmen|spelet|boken))'),
            re('\\b(?:han|hon|exet|mitt ex|min man|min fru) ', any('har en kniv', 'har ett vapen', 'har en pistol', 'viftade med kniven', 'viftade med en kniv'), '\\b'),
        ],
    },
    'child-danger': {
        absolute: [
            re('\\b', any('ar', 'kanns', 'blir'), ' ', any('inte', 'int', 'ej'), ' ', any('saker', 'sakra', 'sakert', 'trygg', 'trygga', 'tryggt'), gap(2), ' ', any('hos', 'med', 'hemma hos', 'nar han', 'nar hon', 'dar'), '\\b'),
            re('\\b', any('vagar', 'tor', 'tors'), ' ', any('inte', 'int', 'ej', 'aldrig'), ' ', any('ga', 'aka', 'vara', 'sova', 'aka tillbaka', 'ga tillbaka', 'komma'), gap(1), ' ', any('hem', 'hemma', 'tillbaka', 'till pappa', 'till mamma', 'hos pappa', 'hos mamma', 'till honom', 'hos honom', 'dit'), '\\b'),
            re('\\bvet inte var ', any(SV_CHILD, 'de', 'dom', 'han har tagit', 'hon har tagit', 'han tog', 'hon tog', 'han har', 'hon har'), '\\b(?: (?:ar|finns|tagit vagen|har tagit|tog|har))?'),
            re('\\b', SV_CHILD, ' ', any('har inte kommit hem', 'kom inte hem', 'svarar inte', 'har inte hort av sig'), '\\b', gap(3), ' ', any('sedan', 'sen', 'pa hela', 'i natt', 'inatt', 'timmar', 'dagar', 'dygn'), '\\b'),
        ],
        phrases: [
            re('\\b', any(SV_HARM, 'ta livet av', 'doda'), ' ', SV_CHILD, '\\b'),
            re('\\b', any('skada', 'skadar', 'doda', 'gora illa', 'gor illa'), ' ', any('dem', 'dom', 'henne', 'honom'), '\\b', gap(3), ' ', any('barnen', 'min son', 'min dotter', 'ungarna'), '\\b'),
            re('\\b', any('kor', 'korde', 'kort', 'kora', 'koer'), gap(4), ' ', any('full', 'berusad', 'onykter', 'packad', 'drogad', 'paverkad', 'rattfull', 'aspackad', 'hog'), '\\b(?! (?:fart|gas|rulle|koll|pott|tank))'),
            re('\\b', any('full', 'berusad', 'packad', 'drogad', 'paverkad', 'onykter', 'knarkar', 'super', 'knarkade', 'sop', 'aspackad', 'hog'), '\\b(?! (?:koll|fart|gas|tid|pott|sysselsattning|rulle))', gap(4), ' ', any('med barnen', 'nar han har barnen', 'nar hon har barnen', 'nar barnen', 'och har barnen', 'med ungarna', 'framfor barnen'), '\\b'),
            re('\\b', any('fora', 'for', 'forde', 'fort', 'rova', 'rovar', 'rovade', 'kidnappa\\p{L}*', 'smuggla', 'gomma', 'gommer', 'gomde', 'fly'), gap(1), ' ', any('bort ', 'med '), '?', SV_CHILD, '\\b', gap(2), ' ', any('utomlands', 'ut ur landet', 'fran sverige', 'till hemlandet', 'for alltid', 'fran mig', 'sa jag aldrig'), '\\b'),
            re('\\b', any('hotar', 'hotade', 'hotat', 'hota'), gap(3), ' ', any('ta', 'fora', 'rova', 'kidnappa', 'gomma', 'fly', 'aka'), gap(1), ' ', SV_CHILD, gap(2), ' ', any('utomlands', 'ut ur landet', 'fran sverige', 'till hemlandet', 'och forsvinna', 'och aldrig komma tillbaka', 'och gomma', 'sa jag aldrig'), '\\b'),
            re('\\b', any('bortford\\p{L}*', 'bortforande', 'kidnappad\\p{L}*', 'kidnappat', 'barnrov\\p{L}*', 'egenmaktsforfarande'), '\\b'),
            re('\\b', any(SV_CHILD, 'han', 'hon'), ' ', any('ar', 'har', 'har varit', 'blev'), ' ', any('forsvunnen', 'forsvunnit', 'forsvunna', 'forsvann', 'rymt', 'rymt hemifran', 'borta sedan', 'borta sen', 'sparlost borta'), '\\b(?! (?:in i|in pa|i (?:sin|sina|sitt|mobilen|spelet|datorn|boken)\\b))'),
            re('\\b', SV_CHILD, ' ', any('forsvann', 'rymde', 'rymde hemifran', 'ar spårlost borta'), '\\b'),
            re('\\b', any('tagit', 'tog', 'hamtat', 'hamtade', 'rovat'), ' ', SV_CHILD, gap(5), ' ', any('vet inte var', 'ingen aning var', 'svarar inte', 'forsvunnit'), '\\b'),
            re('\\b', any('lamnar', 'lamnade', 'lamnat', 'lamna'), ' ', any(SV_CHILD, 'dem', 'dom'), gap(2), ' ', any('ensamma', 'ensam', 'sjalva', 'utan tillsyn', 'utan vuxen'), '\\b', gap(3), ' ', any('hela', 'natten', 'natter', 'helgen', 'flera', 'timmar', 'dagar', 'dygn', 'nar han', 'nar hon', 'och gar ut', 'och drack', 'och sticker'), '\\b'),
            re('\\b', SV_CHILD, ' ', any('var', 'ar', 'blir'), ' ', any('ensamma', 'ensam', 'lamnade ensamma'), gap(3), ' ', any('hela natten', 'hela helgen', 'flera dagar', 'hela dagen', 'i flera timmar', 'natten'), '\\b'),
            re('\\b', SV_CHILD, ' ', any('far illa', 'for illa', 'har farit illa', 'ar i fara', 'ar i livsfara', 'ar inte trygga', 'ar inte sakra'), '\\b'),
            re('\\b', any('rad', 'radd', 'radda', 'skrammd', 'livradd'), ' ', any('for pappa', 'for mamma', 'for min pappa', 'for min mamma', 'for styvpappa', 'for min styvpappa', 'for mammas kille', 'att ga hem', 'att aka till pappa', 'att aka till mamma', 'att vara hemma', 'att sova hos pappa', 'att sova hos mamma', 'att aka dit'), '\\b'),
            re('\\bvald ', any('mot barnen', 'mot barn', 'mot mitt barn', 'mot min son', 'mot min dotter'), '\\b'),
            re('\\b', any('valdsam', 'valdsamt', 'valdsamma', 'farlig'), ' ', any('mot barnen', 'mot min son', 'mot min dotter', 'for barnen', 'mot ungarna'), '\\b'),
        ],
    },
    abuse: {
        phrases: [
            'övergrepp*',
            re('\\b', any('valdtog', 'valdtagit', 'valdtagen', 'valdtagna', 'valdtakt\\p{L}*', 'valdta', 'valdtar', 'sexuellt utnyttja\\p{L}*', 'utnyttjad sexuellt', 'incest', 'sexuella overgrepp', 'ofredande', 'sexuellt ofred\\p{L}*', 'grooming', 'groomad', 'groomar', 'groomade'), '\\b'),
            re('\\b', any('tafsar', 'tafsat', 'tafsade', 'tafsa', 'kladdar', 'kladdade', 'kladdat', 'smeker', 'smekte'), ' ', any('pa', 'med'), ' ', any(SV_ME, 'henne', 'honom', SV_CHILD, 'oss', 'min kropp'), '\\b'),
            re('\\b', any('tar', 'tog', 'ror', 'rorde', 'tar pa', 'tog pa', 'ror vid', 'rorde vid', 'ror pa', 'ror mig', 'kanner pa'), ' ', any(SV_ME, 'pa ' + SV_ME, 'vid ' + SV_ME, 'henne', 'honom', 'pa henne', 'pa honom', 'vid henne', 'vid honom', SV_CHILD, 'pa ' + SV_CHILD), ' ', any('dar nere', 'mellan benen', 'pa ett konstigt satt', 'pa ett obehagligt satt', 'pa ett ackligt satt', 'pa ett sexuellt satt', 'pa brosten', 'pa snoppen', 'pa snippan', 'pa rumpan', 'under kladerna', 'innanfor', 'nar ingen ser', 'nar mamma inte ser', 'nar pappa inte ser', 'pa natten', 'i sangen', 'och sager att', 'fast jag sager nej', 'fast jag inte vill'), '\\b'),
            re('\\b', any('visar', 'visade', 'tvingar', 'tvingade', 'far', 'fick', 'later', 'lat'), ' ', any(SV_ME, SV_CHILD, 'henne', 'honom', 'oss'), gap(4), ' ', any('porr', 'porrfilm\\p{L}*', 'nakenbild\\p{L}*', 'snoppen', 'sin kuk', 'sitt kon', 'ta pa honom', 'ta pa henne', 'klä av', 'kla av'), '\\b'),
            re('\\b', any('skickar', 'skickade', 'vill ha', 'ber om', 'tjatar om'), gap(2), ' ', any('nakenbild\\p{L}*', 'nudes', 'nakna bilder'), '\\b'),
            re('\\b', SV_PARENT, '\\b', gap(4), ' ', SV_HIT, ' ', any(SV_ME, 'oss', 'mig och', 'mig och min', 'mig nar', 'mig om'), '\\b', SV_GAME),
            re('(?<!\\b(?:barnens|barnets|sons|dotters|barns|ungarnas) )\\b', SV_PARENT, ' ', any('ger', 'gav', 'har gett'), ' ', SV_ME, ' ', any('stryk', 'en orfil', 'orfilar', 'smisk', 'en small', 'en lavett', 'spo'), '\\b'),
            re('\\bfar ', any('stryk', 'smisk', 'orfilar', 'spo'), ' ', any('av', 'hemma', 'nar'), '\\b'),
            re('\\b', SV_HIT, ' ', SV_CHILD, '\\b', SV_GAME, '(?! i (?:memory|schack|fia|kortspel|spel))'),
            re('\\b', any('ger', 'gav', 'gett', 'gar'), ' ', SV_CHILD, ' ', any('en orfil', 'orfilar', 'stryk', 'smisk', 'en small', 'en lavett', 'spo', 'en snyting'), '\\b'),
            re('\\b', SV_CHILD, ' ', any('far stryk', 'fick stryk', 'blir slagna', 'blir slagen', 'blev slagen', 'blev slagna', 'blir misshandlad\\p{L}*', 'har blivit slagen', 'far smisk', 'fick smisk', 'har blivit utsatt', 'blir utsatt', 'blev utsatt'), '\\b'),
            re('\\b', any('barnmisshandel', 'barnaga', 'aga barn\\p{L}*'), '\\b'),
        ],
    },
};
// ---------------------------------------------------------------------------------------------------------------
// English (folded: apostrophes dropped, "don't" → "dont", "he'll" → "hell")
const EN_CHILD = any('the kids', 'the children', 'the child', 'the baby', 'the boys', 'the girls', 'my kids', 'my children', 'my child', 'my baby', 'our kids', 'our children', 'our child', 'our baby', 'my son', 'my daughter', 'our son', 'our daughter', 'my boy', 'my girl', 'my little brother', 'my little sister', 'my brother', 'my sister', 'my siblings', 'the little ones', 'them kids', 'his kids', 'her kids', 'his son', 'his daughter', 'her son', 'her daughter', 'my stepson', 'my stepdaughter', 'my toddler', 'the toddler', 'my teen', 'my teenager', 'kids', 'children');
const EN_SELF = any('myself', 'my self', 'meself', 'myslf', 'herself', 'himself', 'themselves', 'themself', 'yourself', 'ourselves');
/** Someone a parent writes about in partner violence. */
const EN_PARTNER = any('he', 'she', 'hes', 'shes', 'hed', 'shed', 'hell', 'shell', 'they', 'theyll', 'ex', 'my ex', 'husband', 'wife', 'partner', 'boyfriend', 'girlfriend', 'bf', 'gf', 'fiance', 'spouse', 'ex husband', 'ex wife', 'baby daddy', 'baby mama');
/** A parent or carer as a child writes about them. */
const EN_PARENT = any('dad', 'daddy', 'father', 'mom', 'mum', 'mommy', 'mummy', 'mother', 'stepdad', 'stepfather', 'stepmom', 'stepmum', 'stepmother', 'step dad', 'step mom', 'step mum', 'moms boyfriend', 'mums boyfriend', 'dads girlfriend', 'moms bf', 'mums bf', 'dads gf', 'grandpa', 'grandma', 'uncle', 'aunt', 'my parents', 'parents', 'pa', 'ma');
const EN_HIT = any('hit', 'hits', 'hitting', 'punched', 'punches', 'punch', 'punching', 'slapped', 'slaps', 'slap', 'slapping', 'kicked', 'kicks', 'kick', 'kicking', 'choked', 'chokes', 'choke', 'choking', 'strangled', 'strangles', 'strangle', 'strangling', 'beat', 'beats', 'beating', 'beaten', 'shoved', 'shoves', 'smacked', 'smacks', 'smack', 'smacking', 'whipped', 'whips', 'whooped', 'whoops', 'spanked', 'spanks', 'spank', 'spanking', 'bit', 'bites', 'burned', 'burnt', 'burns', 'attacked', 'attacks', 'assaulted', 'assaults', 'abused', 'abuses', 'abusing', 'belted', 'thrashed', 'throttled', 'strikes', 'struck', 'headbutted', 'scratched', 'pinched', 'pinches', 'threw', 'throws');
/** "beat me at chess", "hit me up", "the song hit me": not violence. */
const EN_NOT_VIOLENT = `(?! (?:up|at|in (?:a |the )?(?:race|game|match|quiz|chess|cards)|to it|back with|with (?:a|the|his|her) (?:question|text|message|news|bill|truth|reality|fact)|so hard emotionally|hard emotionally|where it hurts emotionally))`;
const EN_WILL = any('will', 'll', 'would', 'wud', 'gonna', 'going to', 'is going to', 'was going to', 'wants to', 'wanted to', 'tried to', 'tries to', 'trying to', 'try to', 'threatened to', 'threatens to', 'threatening to', 'said he would', 'said she would', 'said hed', 'said shed', 'said he will', 'said she will', 'might', 'could', 'is gonna', 'promised to', 'swore to', 'swears he will', 'swears she will', 'planning to', 'plans to', 'means to');
const EN_HARM = any('kill', 'murder', 'hurt', 'harm', 'beat', 'shoot', 'stab', 'strangle', 'choke', 'hit', 'punch', 'break my', 'end me', 'finish me', 'slit my', 'burn', 'run me over', 'beat me up', 'beat the', 'smash my face', 'break my neck', 'put me in hospital', 'put me in the hospital');
const EN = {
    suicide: {
        absolute: [
            re('\\b', any('dont', 'do not', 'dnt', 'dun', 'didnt', 'no longer', 'dont even', 'dont really', 'really dont', 'just dont'), ' ', any('want', 'wanna', 'wish', 'feel like i want'), ' ', any('to ', ''), any('live', 'be alive', 'exist', 'be here anymore', 'be here any more', 'be here no more', 'be on this earth', 'be in this world', 'wake up anymore', 'wake up again', 'wake up tomorrow', 'wake up ever', 'go on living', 'keep living', 'carry on living', 'be around anymore', 'be around any more'), '\\b', '(?! (?:with|in|at|there|near|together|like that|like this with|under|on|by|next to|here with|in this house|anymore with|with him|with her))'),
            re('\\b', any('cant', 'cannot', 'can not', 'dont want to', 'dont wanna'), ' ', any('go on living', 'keep living', 'do life', 'do this life', 'live like this anymore', 'live anymore', 'live any more', 'live with myself', 'take life anymore'), '\\b'),
            re('\\b', any('no', 'nothing', 'not'), ' ', any('reason to live', 'reason to keep living', 'reason to go on', 'point in living', 'point living', 'point to living', 'to live for', 'left to live for', 'point in being alive', 'worth living'), '\\b'),
            re('\\b', any('nobody', 'no one', 'noone', 'no body'), ' ', any('would miss me', 'will miss me', 'would care if i (?:died|was gone|were gone|killed myself|was dead|disappeared)', 'would notice if i (?:died|was gone|were gone|disappeared)', 'would even notice if i'), '\\b'),
            re('\\blife ', any('isnt', 'is not', 'aint', 'not'), ' ', any('worth living', 'worth it anymore', 'worth it any more'), '\\b'),
        ],
        phrases: [
            'suicid*',
            'sucid*',
            'suicdal',
            re('\\b', any('kill', 'kil', 'killing', 'killed', 'kills', 'kiling', 'hang', 'hanging', 'hanged', 'drown', 'drowning', 'shoot', 'shooting', 'poison', 'poisoning', 'off', 'offing', 'unalive', 'unaliving', 'unalived'), ' ', EN_SELF, '\\b(?! (?:laughing|with laughter|at work|working|to (?:get|make|finish|keep)|trying to (?:get|make|finish|keep)))'),
            re('(?<![0-9] ?)\\b', any('unalive', 'unaliving', 'kms', 'kmsl', 'kys'), '\\b'),
            re('\\b', any('end', 'ending', 'end of', 'ended'), ' ', any('my life', 'my own life', 'it all', 'her life', 'his life', 'her own life', 'his own life', 'everything tonight', 'things for good', 'my suffering'), '\\b(?! (?:story|chapter|movie|show|game|in (?:the|a) (?:game|story|show)))'),
            re('\\b', any('take', 'taking', 'took'), ' ', any('my own life', 'my life', 'her own life', 'his own life', 'her life', 'his life'), '\\b(?! (?:away|back|in (?:my|her|his) (?:own )?hands|from me|over))'),
            re('\\b', any('want', 'wants', 'wanted', 'wanna', 'wish', 'wishes', 'ready', 'deserve', 'would rather', 'want to just', 'just want to', 'just wanna', 'wish i could', 'wish i would', 'i should just', 'should just'), ' ', any('to ', ''), any('just ', 'simply ', ''), any('die', 'be dead', 'dissapear forever', 'disappear forever', 'not wake up', 'never wake up', 'go to sleep forever', 'sleep forever', 'not exist', 'not be here', 'not be alive', 'stop existing', 'cease to exist'), '\\b(?! (?:laughing|of (?:laughter|embarrassment|shame|boredom)|in a video game|in the game|from cringe))'),
            re('\\b', any('wish', 'wished', 'wishes'), ' ', any('i', 'she', 'he'), ' ', any('was', 'were', 'wuz', 'had'), ' ', any('dead', 'never born', 'been never born', 'never been born', 'gone forever', 'not alive'), '\\b'),
            re('\\b', any('better off', 'happier', 'easier'), ' ', any('dead', 'without me', 'if i was dead', 'if i were dead', 'if i died', 'if i wasnt here', 'if i werent here', 'if i wasnt around', 'if i was gone', 'if i were gone', 'when im gone', 'when i am gone'), '\\b'),
            re('\\b', any('jump', 'jumping', 'throw myself', 'throwing myself', 'step', 'walk', 'walking'), ' ', any('off', 'from', 'in front of', 'infront of', 'out of', 'into'), ' ', any('a', 'the', 'my'), ' ', any('bridge', 'roof', 'building', 'balcony', 'cliff', 'train', 'bus', 'car', 'truck', 'traffic', 'window', 'tower', 'motorway', 'highway', 'river', 'sea', 'lake'), '\\b'),
            re('\\b', any('slit', 'slitting', 'cut', 'cutting'), ' ', any('my', 'her', 'his'), ' ', any('wrists', 'wrist', 'throat'), '\\b'),
            re('\\b', any('overdose', 'overdosing', 'overdosed', 'od on', 'take all', 'taking all', 'swallow all', 'swallowing all', 'take a bunch of', 'take the whole bottle', 'pills saved', 'saving up pills', 'saved up pills', 'stockpiling pills', 'pills saved up'), '\\b'),
            re('\\b', any('took', 'take', 'taken', 'taking', 'swallowed', 'swallow', 'swallowing', 'downed', 'ate'), ' ', any('a bunch of', 'a load of', 'loads of', 'a lot of', 'lots of', 'a handful of', 'too many', 'all', 'all my', 'all the', 'all of my', 'the whole bottle of', 'a whole bottle of', 'a whole pack of', 'the whole pack of', 'twenty', '20', '30', '50'), ' ', any('pills', 'tablets', 'meds', 'medication', 'sleeping pills', 'painkillers', 'paracetamol', 'tylenol', 'ibuprofen', 'antidepressants', 'xanax'), '\\b'),
            re('\\b', any('suicide note', 'goodbye letter', 'goodbye letters', 'farewell letter', 'goodbye note', 'wrote my will', 'giving away my things', 'giving away all my stuff'), '\\b'),
            re('\\b', any('tired of', 'sick of', 'done with', 'exhausted of', 'tired of being'), ' ', any('living', 'life', 'being alive', 'existing'), '\\b(?! (?:with|in|here with|like this with))'),
            re('\\b', any('want', 'wanna', 'going', 'gonna'), ' ', any('to ', ''), any('end it', 'end it all', 'end things'), '\\b(?! (?:with (?:him|her|them|my (?:ex|partner|boyfriend|girlfriend|husband|wife))))'),
        ],
    },
    'self-harm': {
        phrases: [
            re('\\b', any('cut', 'cuts', 'cutting', 'cutted', 'cuttin', 'hurt', 'hurts', 'hurting', 'harm', 'harms', 'harming', 'burn', 'burns', 'burning', 'burned', 'burnt', 'scratch', 'scratches', 'scratching', 'scratched', 'hit', 'hits', 'hitting', 'punch', 'punches', 'punching', 'starve', 'starves', 'starving', 'bite', 'bites', 'biting', 'injure', 'injures', 'injuring', 'injured', 'mutilate', 'mutilating'), ' ', EN_SELF, '\\b', '(?! (?:(?:while|when) (?:cooking|shaving|chopping|cutting|playing|running|fell|falling|skiing|skating|biking|cycling|climbing)|on (?:a |the )?(?:knife|glass|paper|can|tin|stairs|trampoline|bike|ice|stove|oven|pan|kettle|iron)|shaving|playing|at (?:football|soccer|training|practice|the gym|work|school)|during (?:the )?(?:game|match|training|practice|pe|gym)|skiing|skating|falling|in (?:a|the) (?:fall|accident|kitchen|game|match)|cooking|by accident|accidentally|a bit (?:at|playing|during)|laughing|off))'),
            re('\\b', any('self harm', 'selfharm', 'self harming', 'selfharming', 'self harmed', 'self harms', 'self injury', 'self injuring', 'self injure', 'self injured', 'self mutilation', 'self mutilating', 'cutter', 'sh again', 'relapsed on sh'), '\\b'),
            re('\\b', any('cut', 'cuts', 'cutting', 'burn', 'burns', 'burning', 'scratch', 'scratches', 'scratching', 'carve', 'carving', 'carved'), ' ', any('my', 'her', 'his', 'their'), ' ', any('arms?', 'wrists?', 'legs?', 'thighs?', 'skin', 'stomach', 'body', 'hips?'), '\\b', gap(3), ' ', any('with', 'on purpose', 'until', 'till', 'til', 'again', 'razor', 'blade', 'lighter', 'knife', 'scissors', 'every night', 'to feel', 'so i', 'when i'), '\\b'),
            re('\\b', any('scratch', 'scratches', 'scratching', 'pick', 'picking', 'hit', 'hitting', 'punch', 'punching', 'bang', 'banging'), ' ', any(EN_SELF, 'my skin', 'my arms', 'my head', 'my head against the wall', 'my fists into the wall'), gap(2), ' ', any('until i bleed', 'until it bleeds', 'till i bleed', 'til i bleed', 'till it bleeds', 'to bleed', 'so hard', 'against the wall', 'on purpose', 'until i feel'), '\\b'),
            re('\\b', any('started', 'been', 'is', 'are', 'was', 'keeps', 'kept', 'still', 'hes', 'shes', 'im', 'i am', 'caught her', 'caught him', 'caught them', 'back to', 'relapsed and', 'relapsed into', 'stop', 'stopped', 'quit', 'secretly', 'been secretly'), ' ', any('cutting', 'cuttin'), '(?= (?:again|every|at night|in secret|on (?:her|his|my) (?:arms?|legs?|wrists?|thighs?)|\\||,)| ?$)'),
            re('\\b', any('make', 'makes', 'making'), ' ', any('myself', 'herself', 'himself'), ' ', any('throw up', 'throwup', 'puke', 'vomit', 'sick'), '\\b'),
            re('\\b', any('razor blades?', 'blades?', 'razors?'), ' ', any('to cut', 'on my', 'on her', 'on his', 'in my room'), '\\b'),
            re('\\bwant', any('', 's', 'ed'), ' to ', any('cut', 'hurt', 'harm', 'burn'), ' ', any('myself', 'herself', 'himself', 'my arms', 'my wrists'), '\\b'),
        ],
    },
    violence: {
        phrases: [
            re('\\b', EN_PARTNER, '\\b', gap(3), ' ', EN_HIT, ' me\\b', EN_NOT_VIOLENT, '(?! (?:emotionally|so much when|when (?:he|she) (?:left|cheated|said)|with (?:his|her) words|by (?:leaving|cheating|saying|lying)|deeply|a lot when|bad when|really bad when))'),
            re('\\b', EN_HIT, ' me ', any('in the face', 'in the stomach', 'on the head', 'in the head', 'against the wall', 'to the floor', 'to the ground', 'with a belt', 'with his fist', 'with her fist', 'with a', 'until i', 'black and blue', 'unconscious', 'up'), '\\b(?! (?:on (?:whatsapp|snapchat|insta|text|messenger|the phone)|later|tomorrow))'),
            re('\\b', EN_PARTNER, '\\b', gap(3), ' ', any('pushed', 'shoved', 'threw', 'dragged', 'pinned', 'slammed', 'grabbed', 'yanked'), ' me ', any('against', 'down', 'into (?:a|the) (?:wall|door|table|floor|ground)', 'over', 'off', 'out of', 'to the ground', 'to the floor', 'across', 'by (?:the|my) (?:throat|neck|hair|arm|arms)', 'hard', 'so hard', 'onto'), '\\b'),
            re('\\b', any('grabbed', 'grabs', 'held', 'holds', 'squeezed', 'put his hands', 'put her hands', 'hands'), ' ', any('me by the', 'my', 'around my'), ' ', any('throat', 'neck'), '\\b'),
            re('\\b', EN_PARTNER, '\\b', gap(4), ' ', EN_WILL, gap(1), ' ', EN_HARM, ' ', any('me', 'us', 'us all', 'me and the kids', 'me and my kids', 'me and the children', 'me if', 'me when', 'me one day'), '\\b(?! (?:at|in (?:a|the) (?:game|race|match)))'),
            re('\\b', any('threatened', 'threatens', 'threatening', 'threaten', 'thretened', 'threatend', 'threatned', 'threated'), ' ', any('me', 'to', 'me with', 'my life', 'us', 'to kill', 'to hurt', 'me again', 'me and', 'me if', 'me that', 'me every', 'me all', 'me over'), '\\b(?! (?:stop|take (?:me )?to court|go to court|sue|call (?:the )?(?:police|social services)|tell|leave|move|cancel|withhold|not (?:pay|let|come|bring)|cut off|report|keep the|get a lawyer|ground|take (?:away )?(?:my|the) (?:phone|car|money|tablet|ipad)|pay less|change the|file|apply))'),
            re('\\b', any('threatened', 'threatens', 'threatening', 'threaten', 'threat', 'threats'), gap(2), ' ', any('with a', 'with his', 'with her', 'to'), gap(2), ' ', any('knife', 'gun', 'kill', 'hurt', 'beat', 'stab', 'shoot', 'murder', 'harm', 'strangle', 'weapon', 'bat', 'hammer', 'axe', 'burn'), '\\b'),
            re('\\b', any('death threats?', 'threats? to kill', 'threats? to my life', 'domestic violence', 'domestic abuse', 'intimate partner violence', 'abusive relationship', 'abusive ex', 'abusive husband', 'abusive partner', 'abusive boyfriend', 'abusive wife', 'restraining order', 'womens shelter', 'refuge for women', 'protective order', 'battered', 'choked me', 'strangled me', 'tried to strangle', 'tried to kill me', 'trying to kill me', 'tries to kill me', 'attempted to kill me'), '\\b'),
            re('\\b', any('afraid', 'scared', 'terrified', 'frightened', 'fear', 'fearing'), ' ', any('of him', 'of her', 'of my ex', 'of my husband', 'of my wife', 'of my partner', 'of my boyfriend', 'for my life', 'for my safety', 'what he will do', 'what he might do', 'what she will do', 'what she might do', 'what hell do', 'he will kill', 'he is going to kill', 'he will hurt', 'he might hurt', 'he ll', 'she will hurt', 'she will kill'), '\\b'),
            re('\\b', any('he', 'she', 'my ex', 'my husband', 'my partner'), ' ', any('is', 'gets', 'got', 'was', 'becomes', 'can get'), ' ', any('violent', 'physical with me', 'physically violent', 'physically abusive', 'abusive'), '\\b(?! (?:in (?:the|a|his|her) (?:game|film|movie|sport|match)))'),
            re('\\b', any('kill', 'murder', 'stab', 'shoot'), ' ', any('me', 'us'), ' ', any('if i', 'if you', 'if we', 'when', 'one day', 'in my sleep', 'and the kids', 'and take the kids'), '\\b'),
        ],
    },
    'child-danger': {
        absolute: [
            re('\\b', any('kids', 'children', 'my son', 'my daughter', 'they', 'he', 'she', 'my child', 'the kids', 'the children', 'we', 'i'), ' ', any('arent', 'are not', 'isnt', 'is not', 'aint', 'dont feel', 'doesnt feel', 'am not', 'im not', 'dont', 'wont be', 'will not be', 'never feel'), ' ', any('safe', 'feel safe', 'be safe'), ' ', any('with', 'at', 'around', 'in', 'when', 'near', 'alone with'), ' ', any('him', 'her', 'their', 'his', 'dad', 'dads', 'mom', 'moms', 'mum', 'mums', 'my dad', 'my mom', 'my mum', 'my father', 'my mother', 'home', 'my stepdad', 'the house', 'his place', 'her place', 'that house'), '\\b'),
            re('\\b', any('im', 'i am', 'i feel', 'too'), ' ', any('scared', 'afraid', 'terrified', 'frightened'), ' ', any('to go', 'of going', 'to be', 'of being'), gap(1), ' ', any('home', 'back home', 'to dads', 'to moms', 'to mums', 'to my dads', 'to my moms', 'back to dads', 'back to moms', 'alone with dad', 'alone with mom', 'alone with mum', 'alone with him', 'alone with my stepdad', 'at dads', 'at moms', 'at mums'), '\\b'),
            re('\\b', any('dont', 'do not', 'didnt'), ' ', any('know where'), ' ', any(EN_CHILD, 'they', 'he', 'she'), ' ', any('are', 'is', 'went', 'has taken', 'took', 'have gone', 'has gone', 'are now', 'is now'), '\\b'),
        ],
        phrases: [
            re('\\b', any(EN_HARM, 'hurt', 'harm', 'kill', 'hurting', 'harming', 'killing', 'endanger', 'endangering', 'abduct', 'abducting', 'abducted', 'kidnap', 'kidnapping', 'kidnapped', 'take away', 'poison', 'drown', 'neglect', 'neglecting', 'neglects'), ' ', EN_CHILD, '\\b(?! (?:at|in (?:a|the) (?:game|race|match)|feelings))'),
            re('\\b', any('drives', 'driving', 'drove', 'drive', 'driven'), gap(1), ' ', any('drunk', 'high', 'stoned', 'wasted', 'under the influence', 'after drinking', 'while drinking', 'while drunk', 'intoxicated', 'buzzed', 'tipsy', 'hammered'), '\\b'),
            re('\\b', any('drunk', 'high', 'stoned', 'wasted', 'intoxicated', 'hammered', 'had been drinking', 'was drinking', 'tipsy'), gap(3), ' ', any('drove', 'drives', 'driving', 'drive', 'behind the wheel', 'got in the car', 'took the car'), '\\b'),
            re('\\b', any('drunk', 'high', 'stoned', 'wasted', 'intoxicated', 'passed out', 'hammered', 'using drugs', 'using', 'on drugs', 'doing drugs', 'smoking crack', 'doing coke', 'shooting up'), '\\b', gap(4), ' ', any('with the kids', 'when he has the kids', 'when she has the kids', 'while he has the kids', 'while she has the kids', 'in front of the kids', 'around the kids', 'with my son', 'with my daughter', 'with the children', 'while watching the kids', 'while looking after'), '\\b'),
            re('\\b', any('threaten', 'threatens', 'threatened', 'threatening', 'threatned', 'threatend', 'threat', 'threats'), gap(2), ' ', any('take', 'run off with', 'run away with', 'flee with', 'hide', 'snatch', 'smuggle', 'kidnap', 'abduct'), ' ', EN_CHILD, gap(3), ' ', any('abroad', 'out of the country', 'overseas', 'to another country', 'back to his country', 'back to her country', 'back home', 'away from me'), '\\b'),
            re('\\b', any('take', 'takes', 'taking', 'took', 'taken', 'run off with', 'ran off with', 'run away with', 'ran away with', 'flee with', 'fled with', 'hide', 'hiding', 'hid', 'snatch', 'snatched', 'smuggle'), ' ', EN_CHILD, gap(3), ' ', any('and disappear', 'and never come back', 'and never bring them back', 'and never return', 'and i will never see', 'and ill never see', 'and vanish', 'where i cant find', 'where i will never find', 'without my consent', 'without telling me', 'from me forever', 'and wont tell me where', 'and wont say where', 'and wont tell me'), '\\b'),
            re('\\b', any('abduct\\p{L}*', 'kidnapp?\\p{L}*', 'child abduction', 'parental abduction', 'child snatching'), '\\b'),
            re('\\b', any(EN_CHILD, 'he', 'she', 'son', 'daughter', 'kid', 'child', 'teen', 'teenager', 'boy', 'girl'), ' ', any('is', 'are', 'has been', 'have been', 'went', 'has gone', 'is still', 'was reported', 'been'), ' ', any('missing', 'missin', 'gone missing', 'unaccounted for'), '\\b(?! (?:a|the|some|his|her|out|school|class|classes|lessons|homework|you|them|us|me|him|dad|mum|mom|home|teeth|tooth|a lot|so much|their|my|our|piece|pieces|parts|the point|the bus|practice|training|deadline|assignments|work|days|out on))'),
            re('\\b', any(EN_CHILD, 'son', 'daughter'), ' ', any('ran away', 'has run away', 'run away from home', 'hasnt come home', 'didnt come home', 'hasnt come back', 'never came home', 'went missing', 'disappeared', 'vanished', 'is not answering and', 'isnt answering and'), '\\b'),
            re('\\b', any('left', 'leaves', 'leaving', 'leave', 'locked', 'locks'), ' ', any(EN_CHILD, 'them', 'the baby', 'my son', 'my daughter'), gap(1), ' ', any('home alone', 'alone', 'by themselves', 'on their own', 'unsupervised', 'in the car', 'outside', 'in the cold'), '\\b', gap(3), ' ', any('all night', 'overnight', 'whole night', 'whole weekend', 'for hours', 'for days', 'all weekend', 'for the whole', 'while he', 'while she', 'to go drinking', 'to go out', 'to party', 'at night', 'in the cold', 'locked in'), '\\b'),
            re('\\b', any('in danger', 'at risk', 'not safe', 'unsafe', 'being neglected', 'neglected'), ' ', any('with him', 'with her', 'at his', 'at her', 'at dads', 'at moms', 'at mums', 'in his care', 'in her care', 'when he has them', 'when she has them'), '\\b'),
            re('\\b', EN_CHILD, ' ', any('is', 'are', 'might be', 'could be', 'may be'), ' ', any('in danger', 'at risk', 'in harms way', 'not safe', 'unsafe', 'being neglected', 'in danger with'), '\\b'),
            re('\\b', any('im', 'i am', 'i feel'), ' ', any('scared', 'afraid', 'terrified', 'frightened'), ' ', any('of', 'of my'), ' ', any('my dad', 'dad', 'my mom', 'mom', 'my mum', 'mum', 'my stepdad', 'stepdad', 'my father', 'my mother', 'moms boyfriend', 'mums boyfriend', 'my moms boyfriend', 'my mums boyfriend'), '\\b'),
            re('\\b', any('violent', 'dangerous', 'rough'), ' ', any('with the kids', 'with my son', 'with my daughter', 'towards the kids', 'toward the kids', 'to the kids', 'with the children', 'around the kids'), '\\b'),
        ],
    },
    abuse: {
        phrases: [
            re('\\b', any('sexually', 'sexualy', 'sexually been'), ' ', any('abused', 'abusing', 'abuse', 'abuses', 'assaulted', 'assaulting', 'assault', 'touched', 'touching', 'molested', 'exploited', 'exploiting', 'harassed', 'harassing'), '\\b'),
            re('\\b', any('sexual abuse', 'sexual assault', 'child abuse', 'child sexual abuse', 'sex abuse', 'incest', 'pedophile', 'paedophile', 'pedo', 'groomed', 'grooming', 'groomer', 'csa'), '\\b'),
            re('\\b', any('molest\\p{L}*', 'rape', 'raped', 'rapes', 'raping', 'rapist', 'fondled', 'fondles', 'fondling', 'groped', 'gropes', 'groping'), '\\b'),
            re('\\b', any('touch', 'touches', 'touched', 'touching', 'feels', 'felt', 'feeling'), ' ', any('me', 'my', 'her', 'him', 'them', EN_CHILD), gap(1), ' ', any('down there', 'there', 'inappropriately', 'in a weird way', 'in a bad way', 'in a way i dont like', 'where i dont want', 'under my clothes', 'under her clothes', 'under his clothes', 'under the covers', 'private parts?', 'privates', 'private', 'breasts?', 'boobs?', 'chest', 'butt', 'bum', 'crotch', 'between my legs', 'between her legs', 'at night', 'when mom', 'when mum', 'when dad', 'when no one', 'when nobody', 'and says', 'and tells me', 'and said', 'in bed', 'in the shower'), '\\b'),
            re('\\b', any('inappropriate', 'inappropriately', 'sexual', 'sexually'), ' ', any('touching', 'touched', 'touch', 'pictures', 'photos', 'messages', 'texts', 'things'), ' ', any('me', 'my', 'her', 'him', 'to me', 'from', 'of me', 'with', EN_CHILD), '\\b'),
            re('\\b', any('makes', 'made', 'forces', 'forced', 'shows', 'showed', 'sends', 'sent', 'asks', 'asked', 'wants'), ' ', any('me', 'my', 'her', 'him', EN_CHILD), gap(2), ' ', any('porn', 'nudes', 'nude pics', 'naked pics', 'naked pictures', 'naked photos', 'touch him', 'touch her', 'touch his', 'take my clothes off', 'undress', 'get naked', 'his penis', 'his dick', 'sex', 'sexual', 'sit on his lap'), '\\b'),
            re('\\b', any('our secret', 'our little secret'), '\\b'),
            re('\\b', any(EN_PARENT, 'stepbrother', 'step brother', 'cousin', 'coach', 'teacher', 'neighbour', 'neighbor', 'babysitter', 'his friend', 'her friend', 'a man', 'an old man', 'a guy', 'a grown up', 'an adult'), '\\b', gap(8), ' ', any('touches', 'touched', 'touching', 'gropes', 'groped', 'fondles', 'fondled', 'kisses me on the mouth', 'gets into my bed', 'gets in my bed', 'gets into bed with me', 'watches me shower', 'watches me in the shower'), any(' me', ' my', ' her', ' him', ''), '\\b(?! (?:on the (?:shoulder|arm|head|back|hand)|shoulder|hand|arm|heart|story|feelings))'),
            re('(?<!\\b(?:kids|childrens|childs|sons|daughters|babys|my kids|the kids) )\\b', EN_PARENT, '\\b', gap(3), ' ', EN_HIT, ' ', any('me', 'us', 'me and', 'my brother', 'my sister', 'my little', 'my face', 'my head', 'my back', 'my legs'), '\\b', EN_NOT_VIOLENT, '(?! (?:so much when|emotionally|when (?:he|she) (?:left|said)|with (?:his|her) words))'),
            re('\\b', EN_HIT, ' ', EN_CHILD, '\\b', '(?! (?:at|in (?:a|the) (?:game|race|match|board game|chess))|up)'),
            re('\\b', EN_CHILD, ' ', any('gets', 'got', 'get', 'is', 'are', 'was', 'were', 'has been', 'have been', 'being', 'been'), ' ', any('hit', 'beaten', 'slapped', 'spanked', 'punched', 'kicked', 'whipped', 'smacked', 'abused', 'hurt', 'bruised', 'molested', 'touched'), '\\b', '(?! (?:by (?:a |the )?(?:ball|car|bike|door|swing)|playing|at (?:school|football|soccer|training|practice)|in (?:a|the) (?:game|match|fall|accident)|on the (?:playground|field)|when (?:he|she) fell))'),
            re('\\b', any('bruises', 'bruise', 'marks', 'welts', 'burns'), gap(3), ' ', any('after', 'from', 'when'), ' ', any('being at', 'staying at', 'visiting', 'coming back from', 'a weekend at'), ' ', any('dads', 'moms', 'mums', 'his dads', 'her dads', 'his moms', 'her moms', 'his fathers', 'her fathers'), '\\b'),
        ],
    },
};
// ---------------------------------------------------------------------------------------------------------------
// Arabic (folded: أ/إ/آ → ا, ة → ه, ى → ي, ؤ → و, ئ → ي, harakat and tatweel removed)
/** Up to `n` further Arabic words. */
function agap(n) {
    return `(?: ${AL}+){0,${n}}`;
}
/** An Arabic letter (after folding): Arabic patterns never try Latin text. */
const AL = '[\\u0621-\\u064A]';
/** Optional clitics in front of a word: و/ف, then a future or continuous marker (سـ, بـ, حـ, رح, عم). */
const AR_PRE = '(?:[وف])?(?:(?:رح|راح|ح|عم|قد|لازم|بدي|بدو|بدها) ?)?(?:[سبحهل])?';
const AR_CHILD = any('الاطفال', 'الاولاد', 'الولاد', 'العيال', 'اولادي', 'ولادي', 'اطفالي', 'عيالي', 'اولادنا', 'ولادنا', 'اطفالنا', 'اولاده', 'ولاده', 'اطفاله', 'ابني', 'ابنتي', 'بنتي', 'ابننا', 'بنتنا', 'ابنه', 'بنته', 'ابنها', 'بنتها', 'الولد', 'البنت', 'الطفل', 'الطفله', 'طفلي', 'طفلتي', 'ولدي', 'اخوي الصغير', 'اختي الصغيره', 'اخي الصغير', 'اخوي', 'اختي', 'اخواتي', 'اخوتي', 'البيبي', 'الرضيع');
const AR_SELF = any('نفسي', 'نفسه', 'نفسها', 'نفسك', 'حالي', 'حاله', 'حالها', 'حالك', 'روحي', 'روحه', 'روحها', 'ذاتي');
/** A parent or step-parent, as a child writes. */
const AR_PARENT = any('بابا', 'ابي', 'ابوي', 'ابويا', 'والدي', 'ماما', 'امي', 'والدتي', 'امي', 'زوج امي', 'زوج ماما', 'مرت ابوي', 'مرت بابا', 'زوجه ابي', 'زوجه بابا', 'خالتي', 'عمي', 'جدي', 'اخوي الكبير', 'اهلي', 'اهلي');
const AR = {
    suicide: {
        absolute: [
            re('\\b', any('لا', 'ما', 'مش', 'مو', 'مب', 'ماني', 'لم', 'لست', 'ما عاد', 'ماعاد', 'مش عاد', 'ما عدت', 'لم اعد', 'ما عاد في'), ' ?', any('عاد ', 'بعد ', ''), any('اريد', 'بدي', 'ابغي', 'ابي', 'عايز', 'عايزه', 'عاوز', 'عاوزه', 'حابب', 'حابه', 'رغبه', 'ارغب', 'اقدر', 'قادر', 'قادره', 'طايق', 'طايقه', 'بقدر', 'ودي', 'داعي', 'فايده', 'معني', 'سبب'), any(' ان', ' اني', ' في', ' من', ' لل', ''), ' ?', any('اعيش', 'عيش', 'العيش', 'الحياه', 'اكمل حياتي', 'كمل حياتي', 'الاستمرار بالحياه', 'عايش', 'عايشه', 'اعيش بعد', 'اضل عايش', 'اضل عايشه', 'ابقي عايش', 'ابقي عايشه', 'اصحي', 'افيق', 'لحياتي', 'حياتي'), '\\b', '(?! (?:مع|معه|معاه|معو|معها|معاها|عنده|عندو|عندها|عند|هون|هنا|هيك معه|بهاي|بهذا|بهذه|بهالبيت|بهالمدينه|في هذا|في هذه|في هالبيت|في البيت|بالبيت|بنفس|ب?السويد|بهالبلد|بهذا البلد|تحت|جنب|قريب))'),
            re('\\b', any('لا', 'ما', 'مافي', 'ما في', 'مش', 'ليس', 'ما عاد في'), ' ', any('معني', 'سبب', 'فايده', 'داعي', 'امل', 'شي'), ' ', any('لحياتي', 'للحياه', 'من حياتي', 'من الحياه', 'اعيش عشانه', 'اعيش لاجله', 'اعيش من اجله', 'اعيش', 'للعيش', 'لوجودي', 'من وجودي'), '\\b'),
            re('\\b', any('ما حدا', 'محدا', 'لا احد', 'ولا حدا', 'محد', 'ما احد'), ' ', any('رح يشتاقلي', 'راح يشتاقلي', 'حيشتاقلي', 'سيفتقدني', 'رح يفتقدني', 'يهتم اذا مت', 'رح يزعل اذا مت', 'بيهتم اذا مت', 'رح ينتبه اذا مت'), '\\b'),
        ],
        phrases: [
            re('\\b', AL + '{0,5}', 'نتحا?ر'),
            re('\\b', AR_PRE, any('اقتل', 'يقتل', 'تقتل', 'نقتل', 'قتل', 'اذبح', 'يذبح', 'تذبح', 'اشنق', 'يشنق', 'تشنق', 'شنق', 'اغرق', 'يغرق', 'تغرق', 'اسمم', 'يسمم', 'تسمم', 'اخلص علي', 'يخلص علي', 'تخلص علي', 'اخلص من', 'يخلص من', 'تخلص من', 'اموت', 'قتلت'), ' ', AR_SELF, '\\b'),
            re('\\b', any('بدي', 'بدو', 'بدها', 'اريد', 'يريد', 'تريد', 'نفسي', 'ابغي', 'يبغي', 'تبغي', 'ابي', 'عايز', 'عايزه', 'عاوز', 'عاوزه', 'اتمني', 'يتمني', 'تتمني', 'حابب', 'حابه', 'ودي', 'اشتهي', 'بتمني', 'بتمنا', 'اتمنا', 'رح', 'راح', 'قررت', 'قرر', 'قررت ان', 'لازم', 'يا ريت', 'ياريت', 'ليت', 'ليتني', 'ياليت', 'يا ليتني', 'ياريتني', 'يا ريتني', 'يارب', 'يا رب'), any(' ان', ' اني', ' لو', ''), ' ', any('اموت', 'موت', 'يموت', 'تموت', 'الموت', 'مت', 'ميت', 'ميته', 'انهي حياتي', 'انهي كل شي', 'اختفي للابد', 'اختفي من الدنيا', 'ما خلقت', 'ما انولدت', 'ما جيت علي هالدنيا', 'ارتاح للابد', 'انام وما اصحي', 'نام وما اصحي'), '\\b', '(?! (?:من (?:الضحك|التعب|الجوع|الملل|البرد|الحر|الخجل|الخوف عليه|الفرحه|الشوق|النعس|الحب|العطش|القهر)|فيك|فيه|فيها|فيكي|فيكم|عليك|عليه|عليها|عليكي|ضحك|جوع|تعب|بالضحك|بحبك|قبل ما|بس|لو ما))'),
            re('\\b', AR_PRE, any('انهي', 'ينهي', 'تنهي', 'انهاء', 'اخلص', 'خلص'), ' ', any('حياتي', 'حياته', 'حياتها', 'علي حياتي', 'من حياتي'), '\\b'),
            re('\\b', AR_PRE, any('ارمي', 'يرمي', 'ترمي', 'اكب', 'رمي'), ' ', AR_SELF, ' ', any('من', 'تحت', 'قدام', 'في', 'بال', 'عال'), AL + '*', ' ?', '(?:' + AL + '+ )?', any('الشباك', 'الشباك', 'البلكون', 'البلكونه', 'السطح', 'الجسر', 'القطار', 'سياره', 'السياره', 'الترين', 'البحر', 'النهر', 'الطابق', 'العماره', 'البنايه', 'النافذه', 'الشباك', 'شباك', 'قطار', 'بلكون', 'سطح', 'جسر', 'البحر'), AL + '*'),
            re('\\b', any('جرعه زايده', 'جرعه زائده', 'جرعة زايدة', 'كل الحبوب', 'علبه الحبوب كلها', 'علبه دوا كامله', 'علبه الدوا كلها', 'رساله وداع', 'رسايل وداع', 'وصيتي', 'كتبت وصيتي', 'حبوب كثير', 'كل حبوب'), '\\b'),
            re('\\b', any('تعبت', 'زهقت', 'مليت', 'قرفت', 'كرهت'), ' ', any('من الحياه', 'من العيش', 'من هالحياه', 'الحياه', 'العيش', 'من الدنيا', 'الدنيا', 'من وجودي'), '\\b'),
            re('\\b', any('الكل', 'الجميع', 'كلهم', 'العالم', 'عيلتي', 'ولادي', 'اولادي'), ' ', any('احسن', 'افضل', 'ارتح', 'مرتاحين', 'رح يرتاحوا', 'حيرتاحوا', 'سيرتاحون'), ' ', any('بدوني', 'من دوني', 'بلاي', 'بغيابي', 'لو مت', 'اذا مت', 'لما اموت', 'بموتي'), '\\b'),
            re('\\b', any('افضل', 'احسن', 'ارحم'), ' ', any('لو كنت ميت', 'لو كنت ميته', 'لو مت', 'اموت', 'الموت', 'اكون ميت', 'اكون ميته', 'لو ما كنت موجود', 'لو ما كنت موجوده', 'لو اختفيت للابد'), '\\b'),
        ],
    },
    'self-harm': {
        phrases: [
            re('\\b', AR_PRE, AL + '{0,2}', any('جرح', 'جرحت', 'اذي', 'اذيت', 'اذا', 'وذي', 'وذيت', 'ذي', 'ذيت', 'حرق', 'حرقت', 'قطع', 'قطعت', 'شطب', 'شطبت', 'خدش', 'خدشت', 'جلد', 'جلدت', 'ضرب', 'ضربت', 'عور', 'عورت', 'جوع', 'جوعت', 'خربش', 'خربشت', 'عض', 'عضيت', 'ضر', 'ضريت'), AL + '{0,2}', ' ', AR_SELF, '\\b', '(?! (?:بالغلط|بالخطا|بدون قصد|من غير قصد|وانا (?:بطبخ|اطبخ|العب|بلعب|اقطع|بقطع)|بالمطبخ|بالملعب|بالتمرين|بالكوره|وهو بيلعب|وهي بتلعب))'),
            re('\\b', any('ايذاء النفس', 'اذيه النفس', 'اذي النفس', 'ايذا النفس', 'اذيه الذات', 'ايذاء الذات', 'ايذا الذات', 'تشطيب', 'اشطب ايدي', 'بشطب ايدي', 'شطبت ايدي', 'يشطب ايده', 'تشطب ايدها', 'تجرح ايدها', 'يجرح ايده', 'اجرح ايدي', 'بجرح ايدي', 'جرحت ايدي بالموس', 'جرحت ايدي بالشفره', 'جروح علي ايدها', 'جروح علي ايده', 'جروح علي ايدي'), '\\b'),
            re('\\b', AL + '{0,3}', any('جرح', 'شطب', 'قطع', 'حرق', 'خدش'), AL + '{0,3}', ' ', any('ايدي', 'يدي', 'ذراعي', 'معصمي', 'ايده', 'ايدها', 'ذراعه', 'ذراعها', 'رجلي', 'جسمي', 'جلدي'), ' ', any('بالموس', 'بالشفره', 'بشفره', 'بموس', 'بالسكين عمدا', 'بالولاعه', 'بالسيجاره', 'بالسجاير', 'قصدا', 'عن قصد', 'عمدا', 'كل ليله', 'لما ازعل', 'لما اتضايق', 'مره ثانيه'), '\\b'),
            re('\\b', any('اضرب', 'بضرب', 'بخبط', 'اخبط', 'يضرب', 'تضرب', 'يخبط', 'تخبط', 'ضربت', 'خبطت'), ' ', any('راسي', 'راسه', 'راسها'), ' ', any('بالحيط', 'بالحائط', 'بالجدار', 'في الحيط', 'في الحائط', 'في الجدار'), '\\b'),
        ],
    },
    violence: {
        phrases: [
            re('\\b', AR_PRE, any('ي', 'ت', 'بي', 'بت', 'عم ي', 'عم ت', ''), any('ضرب', 'ضربت', 'خنق', 'خنقت', 'دفع', 'دفعت', 'رفس', 'رفست', 'لكم', 'لكمت', 'صفع', 'صفعت', 'كفخ', 'كفخت', 'لطش', 'لطشت', 'عض', 'عضت', 'ركل', 'ركلت', 'شلوط', 'سحل', 'سحلت', 'عنف', 'عنفت', 'هاجم', 'هاجمت', 'كسر', 'كسرت', 'خبط', 'خبطت', 'ضرب', 'مسك', 'شد'), any('ني', 'نا', 'تني', 'وني'), '\\b', '(?! (?:بالكلام|بكلامه|بكلامها|بالحكي|بالحب|بالحنان|بالكوره|بالطابه|بالشطرنج|باللعبه|باللعب|في اللعبه|بالسباق|بالامتحان|بالحجه|بسؤال|بخبر|من ايدي بلطف))'),
            re('\\b', AR_PRE, any('ضرب', 'ضربت', 'يضرب', 'تضرب', 'هجم', 'هجمت', 'اعتدي', 'اعتدت', 'يعتدي', 'تعتدي', 'اعتدا', 'تهجم', 'تهجمت', 'مد ايده', 'مد يده', 'مدت ايدها', 'رفع ايده', 'رفع يده', 'ايده علي', 'يده علي'), ' ', any('علي', 'عليا', 'عليي', 'عليه'), '\\b'),
            re('\\b', any('مسكني', 'شدني', 'سحبني', 'جرني', 'رماني', 'دفشني', 'زقني', 'مسكتني', 'شدتني', 'سحبتني', 'رمتني'), ' ', any('من شعري', 'من رقبتي', 'من رقبتي', 'من ايدي بقوه', 'علي الارض', 'عالارض', 'علي الحيط', 'عالحيط', 'بالحيط', 'عن الدرج', 'من الدرج', 'بقوه', 'من الشعر'), '\\b'),
            re('\\b', AR_PRE, any('ي', 'ت', 'بي', 'بت', 'عم ي', 'عم ت', 'هي', 'هت', ''), any('هدد', 'هددت'), any('ني', 'نا', 'تني'), '\\b', '(?! (?:انه|انو|انها|ان|بانه|بانو|بان)? ?(?:ما|مش|لن|لا|مو|رح ما|ح ما)\\b)', '(?!(?: ' + AL + '+){0,4} ' + AL + '*(?:محكم|محامي|شرط|بوليس|سوسيال|نفق|مصاري|فلوس|طلاق|قضي|يشتكي|شكوي|البيت|الحضانه|حضانه|الاقامه|يطلقني|يتزوج))'),
            re('\\b', any('هدد', 'هددني', 'هددتني', 'يهدد', 'يهددني', 'تهدد', 'تهددني', 'بيهدد', 'بيهددني', 'تهديد', 'تهديدات', 'هددنا', 'يهددنا'), agap(2), ' ', any('بالقتل', 'بقتلي', 'بقتلنا', 'يقتلني', 'يقتلنا', 'انه يقتلني', 'انو يقتلني', 'انه رح يقتلني', 'انو رح يقتلني', 'بالسكين', 'بسكين', 'بالمسدس', 'بمسدس', 'بالسلاح', 'بسلاح', 'بالضرب', 'يضربني', 'يذبحني', 'بالذبح', 'يحرقني', 'بالحرق', 'يموتني', 'ياذيني', 'يوذيني', 'باذيتي', 'بايذائي', 'يكسر راسي', 'يخلص علي', 'بموتي', 'بالموت', 'يقتل'), '\\b'),
            re('\\b', AR_PRE, any('ي', 'ت', 'هي', 'هت', 'بي', 'بت', ''), any('قتل', 'ذبح', 'خلص علي', 'موت'), any('ني', 'نا', 'تني'), '\\b', '(?<!\\b(?:قتلني|قتلتني|ذبحني|ذبحتني|موتني|موتتني|موتنا)\\b)', '(?! (?:من|ب)?(?:الضحك|الشوق|الحر|البرد|التعب|الملل|الجوع|بالضحك|ضحك|بجماله|بجمالها|بحلاوته|الحب|حبا|الغيره|القهر|بالقهر|الزعل|الانتظار|بالانتظار|الدراسه|الامتحان))'),
            re('\\b', any('حاول', 'حاولت', 'كان رح', 'كان بدو', 'كاد', 'كان راح', 'كان ح', 'كانت رح', 'بدو', 'بدها', 'يريد', 'تريد', 'ناوي', 'ناويه', 'هيك قال رح', 'قال رح', 'قال انه رح', 'قال انه سوف', 'قال انه'), ' ', any('يقتلني', 'تقتلني', 'قتلي', 'يخنقني', 'تخنقني', 'خنقي', 'يذبحني', 'يموتني', 'يقتلنا', 'قتلنا', 'يذبحنا', 'يخلص علي', 'يخلص عليي', 'يضربني', 'يحرقني', 'ياذيني', 'يوذيني', 'اذيتي', 'يطعني', 'يطعنني'), '\\b'),
            re('\\b', AR_PRE, any('ياذي', 'يوذي', 'ياذ', 'تاذي', 'توذي', 'تاذ', 'يضر', 'تضر', 'بياذي', 'بيوذي', 'بتوذي', 'بتاذي'), any('ني', 'نا', 'يني', 'ينا'), '\\b'),
            re('\\b', any('عنف اسري', 'العنف الاسري', 'عنف منزلي', 'العنف المنزلي', 'عنف زوجي', 'العنف الزوجي', 'معنفه', 'معنف', 'تعنيف', 'بيعنفني', 'يعنفني', 'تعنفني', 'اتعرض للعنف', 'بتعرض للعنف', 'اتعرضت للعنف', 'تعرضت للعنف', 'تعرضت للضرب', 'اتعرض للضرب', 'ملجا للنساء', 'بيت حمايه', 'امر حمايه', 'امر ابعاد', 'منع اقتراب'), '\\b'),
            re('\\b', any('خايف', 'خايفه', 'خايفين', 'اخاف', 'بخاف', 'مرعوب', 'مرعوبه', 'خفت'), ' ', any('منه', 'منها', 'من طليقي', 'من طليقتي', 'من زوجي', 'من جوزي', 'من زوجي السابق', 'من ابو الاولاد', 'من ابو ولادي', 'علي حياتي', 'يقتلني', 'يذبحني', 'يضربني', 'ياذيني', 'يوذيني', 'يعمل فيني شي', 'يعملي شي', 'يعمل لي شي'), '\\b'),
            re('\\b', any('سيقتلني', 'راح يقتلني', 'رح يقتلني', 'حيقتلني', 'هيقتلني', 'بيقتلني', 'رح يذبحني', 'راح يذبحني', 'حيذبحني', 'سيذبحني', 'بدو يقتلني', 'بدو يذبحني', 'رح يموتني', 'حيموتني'), '\\b'),
        ],
    },
    'child-danger': {
        absolute: [
            re('\\b', any('مش', 'مو', 'ليسوا', 'ليسو', 'ليس', 'ليست', 'مب', 'غير', 'مانهم', 'ماهم', 'ما هم', 'مش حاسين', 'مش حاسه', 'مش حاسس', 'ما بحس', 'ما بحسو', 'لا اشعر', 'لا يشعرون'), ' ?', any('ب ?امان', 'امنين', 'امين', 'امنه', 'امن', 'بالامان', 'مامنين', 'بامان'), '\\b'),
        ],
        phrases: [
            re('\\b', AR_PRE, AL + '{0,2}', any('اذي', 'وذي', 'ذي', 'قتل', 'ذبح', 'خطف', 'اخطف', 'سمم', 'حرق', 'اغرق', 'اهمل', 'هرب', 'تخلص من', 'خلص علي'), AL + '{0,2}', ' ', AR_CHILD, '\\b'),
            re('\\b', AL + '{0,3}', any('اذي', 'وذي', 'قتل', 'ذبح', 'خطف'), any('هم', 'ه', 'ها'), '\\b', agap(3), ' ', any('الاولاد', 'الولاد', 'الاطفال', 'اولادي', 'ولادي'), '\\b'),
            re('\\b', AL + '{0,2}', any('هدد', 'هددت'), AL + '{0,3}', agap(3), ' ', AR_PRE, AL + '{0,2}', any('اخذ', 'اخد', 'خذ', 'خد', 'سافر', 'هرب', 'خطف', 'خبي', 'اخفي', 'حرم', 'ابعد', 'سفر', 'تهريب', 'بتهريب', 'بخطف', 'باخذ'), AL + '{0,3}', agap(3), ' ?', any(AR_CHILD, 'فيهم', 'بيهم', 'معه', 'بره', 'برا', 'للخارج', 'خارج البلد', 'لبلده', 'عالبلد', 'ع البلد', 'علي البلد'), '\\b'),
            re('\\b', AR_PRE, AL + '{0,2}', any('اخذ', 'اخد', 'هرب', 'سافر', 'خطف', 'خبي'), AL + '{0,2}', ' ', any('ب', ''), AR_CHILD, agap(2), ' ', any('بدون علمي', 'بدون اذني', 'من غير علمي', 'من غير ما يقول', 'وما رجعهم', 'وما رجع', 'ولم يعد', 'ولم يرجع', 'للخارج', 'برا البلد', 'بره البلد', 'خارج البلد', 'خارج السويد', 'برا السويد', 'بره السويد', 'ويختفي', 'واختفي', 'وما بعرف وين', 'وما بعرف وينهم', 'ولا اعرف اين'), '\\b'),
            re('\\b', AR_PRE, AL + '{0,2}', any('اخذ', 'اخد', 'خذ', 'خد'), AL + '{0,2}', ' ', AR_CHILD, ' ', any('ويهرب', 'و يهرب', 'ويختفي', 'ويخبيهم', 'ويخفيهم', 'وما يرجعهم', 'وما يرجع', 'ويهربهم', 'ويهرب فيهم', 'ويهرب بيهم'), '\\b'),
            re('\\b', AR_PRE, any('يهرب', 'هرب', 'بيهرب', 'يهربهم', 'هربهم', 'يهرب فيهم'), ' ', any('ب', ''), AR_CHILD, '\\b'),
            re('\\b', any('خطف', 'اختطاف', 'اختطف', 'مخطوف', 'مخطوفه', 'انخطف', 'انخطفت', 'تهريب الاولاد', 'تهريب الاطفال', 'خطف الاولاد', 'خطف الاطفال'), '\\b'),
            re('\\b', any(AR_CHILD, 'هو', 'هي'), agap(1), ' ', any('مفقود', 'مفقوده', 'مفقودين', 'مختفي', 'مختفيه', 'مختفيين', 'اختفي', 'اختفت', 'اختفوا', 'ضايع من', 'ضايعه من', 'ضايع ومش', 'ضايعه ومش', 'ضايع وما', 'ضايعه وما', 'هرب من البيت', 'هربت من البيت', 'هربوا من البيت', 'ما رجع علي البيت', 'ما رجعت علي البيت', 'ما رجع عالبيت', 'ما رجعت عالبيت', 'لم يعد للبيت', 'لم تعد للبيت', 'لم يعد الي البيت', 'لم تعد الي البيت', 'ما رجع من امبارح', 'ما رجعت من امبارح', 'ما رجع من مبارح'), '\\b(?! (?:منه|منها|مني) (?:ال)?' + AL + '+)'),
            re('\\b', any('يسوق', 'بيسوق', 'ساق', 'سايق', 'سايقه', 'يسوقو', 'يقود', 'قاد', 'بيسوق السياره', 'يسوق السياره'), agap(1), ' ', any('وهو ', 'وهي ', ''), any('سكران', 'سكرانه', 'شارب', 'شاربه', 'مسطول', 'مسطوله', 'محشش', 'محششه', 'متعاطي', 'مخمور', 'مخموره', 'تحت تاثير'), '\\b'),
            re('\\b', any('سكران', 'سكرانه', 'مسطول', 'مسطوله', 'محشش', 'محششه', 'مخمور', 'مخموره', 'يتعاطي', 'بيتعاطي', 'متعاطي', 'يشرب خمر', 'بيشرب خمر', 'يشرب كحول', 'بيسكر', 'يسكر', 'مخدرات', 'حشيش'), agap(4), ' ?', any('والاولاد', 'والولاد', 'والاطفال', 'الاولاد', 'الولاد', 'الاطفال', 'ولادي', 'اولادي'), ' ', any('معه', 'معاه', 'عنده', 'عندو', 'معها', 'عندها', 'بالسياره', 'قدامه', 'بالبيت'), '\\b'),
            re('\\b', AL + '{0,2}', any('ترك', 'ترك', 'خلي', 'خلا', 'خلا', 'نسي', 'قفل علي'), AL + '{0,3}', '(?: ', AR_CHILD, ')?', ' ', any('لوحدهم', 'لحالهم', 'وحدهم', 'لوحده', 'لحاله', 'لوحدها', 'لحالها', 'بدون رقابه', 'بلا رقابه', 'بالسياره'), '\\b', agap(3), ' ', any('طول الليل', 'كل الليل', 'الليل كله', 'طول الويكند', 'طول العطله', 'ساعات', 'كل الليل', 'لليوم الثاني', 'يومين', 'ايام', 'وطلع', 'وراح يسهر', 'وراح', 'وسافر', 'بالليل', 'بالبرد'), '\\b'),
            re('\\b', any('خايف', 'خايفه', 'اخاف', 'بخاف', 'مرعوب', 'مرعوبه', 'خفت', 'خيفان', 'خيفانه'), ' ', any('ارجع', 'اروح', 'روح', 'ارجع', 'انام', 'اكون', 'ابقي', 'اضل', 'اقعد', 'ابات'), agap(2), ' ', any('عند', 'مع', 'لعند', 'علي', 'ع', 'عال', 'لل', ''), any('بابا', 'ابوي', 'ابي', 'ماما', 'امي', 'البيت', 'بيت بابا', 'بيت ماما', 'زوج امي', 'مرت ابوي', 'بيت'), AL + '{0,2}\\b'),
            re('\\b', any('خايف', 'خايفه', 'اخاف', 'بخاف', 'مرعوب', 'مرعوبه', 'خيفان', 'خيفانه'), ' ', any('من بابا', 'من ابوي', 'من ابي', 'من ماما', 'من امي', 'من زوج امي', 'من مرت ابوي', 'من زوج ماما'), '\\b'),
            re('\\b', any('خايف', 'خايفه', 'اخاف', 'بخاف', 'مرعوب', 'مرعوبه', 'قلقان', 'قلقانه'), ' ', any('علي', 'ع'), ' ?', AR_CHILD, ' ', any('منه', 'منها', 'عنده', 'عندها', 'معه', 'معها', 'يروحوا عنده', 'يضلوا عنده'), '\\b'),
            re('\\b', AR_CHILD, agap(1), ' ', any('بخطر', 'في خطر', 'بالخطر', 'معرضين للخطر', 'معرض للخطر', 'معرضه للخطر', 'مش بامان', 'مو بامان', 'بيتعرضوا للاذي', 'يتعرضون للاذي', 'بيتاذوا', 'يتاذون'), '\\b'),
        ],
    },
    abuse: {
        phrases: [
            re('\\b', AL + '{0,4}', any('تحرش', 'تحرشت', 'غتصب', 'غتصاب'), AL + '*'),
            re('\\b', AL + '{0,2}', any('اعتداء', 'اعتدا', 'اعتدي', 'اعتدت', 'يعتدي', 'تعتدي', 'اعتداءات', 'اعتداات', 'تحرش', 'استغلال', 'استغل', 'يستغل', 'انتهاك', 'يتحرش', 'اساءه', 'اساء'), agap(2), ' ', any('جنسي', 'جنسيا', 'جنسيه', 'جنسي علي'), '\\b'),
            re('\\b', AR_PRE, any('ي', 'ت', 'بي', 'بت', 'عم ي', 'عم ت', ''), any('لمس', 'لمست', 'حسس', 'دحش', 'بوس', 'باس', 'فرك'), any('ني', 'ها', 'ه', 'هم'), '\\b', agap(2), ' ?', any('بطريقه', 'باماكن', 'بمكان', 'بمناطق', 'في اماكن', 'في مناطق', 'تحت', 'بين', 'من تحت', 'لما ماما', 'لما بابا', 'لما امي', 'لما ما حدا', 'بالليل', 'وقال', 'ويقول', 'وقلي', 'وبيقول', 'بالسر', 'سر'), AL + '*'),
            re('\\b', AR_PRE, any('ي', 'ت', 'بي', 'بت', 'عم ي', 'عم ت'), any('لمس', 'حسس'), any('ني', 'ها', 'هم', 'ه'), '\\b'),
            re('\\b', AR_PRE, any('ي', 'ت', 'بي', 'بت', 'عم ي', 'عم ت', ''), any('لمس', 'يلمس', 'لمست'), ' ', AR_CHILD, '\\b'),
            re('\\b', any('اماكني الخاصه', 'اماكنها الخاصه', 'اماكنه الخاصه', 'مناطقي الحساسه', 'اماكن حساسه', 'صور عاريه', 'صور عري', 'صور اباحيه', 'افلام اباحيه', 'افلام سكس', 'صور سكس', 'يخليني اشلح', 'يخليني اقلع', 'يشلحني', 'يقلعني', 'يكشف علي'), '\\b'),
            re('(?<!\\bابو )\\b', AR_PARENT, '\\b', agap(3), ' ', AR_PRE, any('ي', 'ت', 'بي', 'بت', 'عم ي', 'عم ت', ''), any('ضرب', 'ضربت', 'صفع', 'كفخ', 'رفس', 'خنق', 'لطش', 'عض', 'حرق', 'جلد', 'عنف', 'ضرب'), any('ني', 'نا', 'تني'), '\\b', '(?! (?:بالكلام|بالحكي|بالمخده|بالطابه|بالكوره|باللعب|مزح|بمزح))'),
            re('\\b', AR_PRE, any('ي', 'ت', 'بي', 'بت', 'عم ي', 'عم ت', ''), any('ضرب', 'ضربت', 'صفع', 'صفعت', 'كفخ', 'كفخت', 'رفس', 'رفست', 'جلد', 'جلدت', 'حرق', 'لكم', 'لطش', 'عنف', 'عنفت', 'خنق', 'خنقت'), ' ', AR_CHILD, '\\b(?! (?:بالكوره|بالطابه|باللعبه|باللعب|في اللعبه|بالسباق|بالشطرنج|بالمسابقه|بالمخده|مزح))'),
            re('\\b', AR_PRE, any('ي', 'ت', 'بي', 'بت', 'عم ي', 'عم ت', ''), any('ضرب', 'صفع', 'كفخ', 'رفس', 'جلد', 'لطش', 'خنق', 'عنف'), any('هم', 'ها', 'ه'), ' ', any('بالحزام', 'بالعصا', 'بالشحاطه', 'بالخشبه', 'بالسلك', 'بالكف', 'كفوف', 'كف', 'علي وجهه', 'علي وجهها', 'علي وجوههم', 'لحد ما', 'كل يوم', 'بقوه', 'قدامي'), '\\b'),
            re('\\b', AR_CHILD, agap(1), ' ', any('بينضرب', 'ينضرب', 'انضرب', 'انضربت', 'بتنضرب', 'تنضرب', 'بينضربوا', 'ينضربوا', 'انضربوا', 'معنف', 'معنفه', 'معنفين', 'تعرض للضرب', 'تعرضت للضرب', 'تعرضوا للضرب', 'تعرض للاعتداء', 'تعرضت للاعتداء', 'عليه اثار ضرب', 'عليها اثار ضرب', 'عليه كدمات', 'عليها كدمات'), '\\b'),
            re('\\b', any('عنف ضد الاطفال', 'تعنيف الاطفال', 'تعنيف الاولاد', 'ضرب الاطفال', 'ضرب الاولاد', 'اساءه للاطفال'), '\\b'),
        ],
    },
};
exports.PHRASES = { sv: SV, en: EN, ar: AR };
/** Negation words and how many words back they reach. */
exports.NEGATIONS = {
    sv: { inte: 3, int: 3, aldrig: 3, ej: 3, inga: 2, ingen: 2, inget: 2, icke: 2, knappast: 2 },
    en: {
        not: 3, never: 3, dont: 3, didnt: 3, wouldnt: 3, wont: 3, cant: 3, no: 1, doesnt: 3, isnt: 2, arent: 2, hasnt: 3, havent: 3,
        wasnt: 2, werent: 2, shouldnt: 3, couldnt: 3, nor: 2, neither: 2, nt: 3,
    },
    ar: { لا: 3, لم: 3, لن: 3, ما: 2, مش: 3, ليس: 3, ابدا: 3, مو: 3, مب: 2, مستحيل: 2, ماني: 2, لست: 3, ولا: 2 },
};
/** Words skipped when counting how far back a negation reaches: "I have never ever", "ما عمري فكرت". */
exports.NEGATION_FILLERS = [
    'ever', 'really', 'once', 'even', 'actually', 'seriously', 'honestly', 'literally', 'personally',
    'någonsin', 'ens', 'verkligen', 'faktiskt', 'riktigt', 'nånsin', 'nagonsin',
    'عمري', 'عمرو', 'عمرها', 'بحياتي', 'اصلا',
];
exports.NEGATION_BREAKS = ['but', 'though', 'although', 'except', 'men', 'fast', 'utom', 'لكن', 'بس', 'لكنه', 'بينما'];
/**
 * Idioms blanked out before matching: the words inside could otherwise look like a crisis phrase. Written against
 * the folded text; keep them narrow (a benign sense that needs the surrounding words to be benign).
 */
exports.BENIGN = {
    sv: [
        /\b(?:do|dor|dog|doende|dott) (?:av|pa) (?:skratt|skam|tristess|langtan|nyfikenhet|hunger|tortst|torst|varmen|kyla|kylan)\b/u,
        /\b(?:skratta|skrattade|skrattar|skams|skammas|skamdes|frose|fryser|svettas) (?:ihjal|livet ur) (?:mig|mej|sig)\b/u,
        /\b(?:slog|slar|slagit) (?:mig|mej) (?:i|pa) (?:huvudet|knat|armbagen|foten|tan|hander|handen|bordet|dorren)\b/u,
    ],
    en: [
        /\b(?:die|died|dying|dead) (?:of|from|with) (?:laughter|laughing|embarrassment|shame|boredom|cringe|hunger|thirst|curiosity|the heat|the cold)\b/u,
        /\b(?:laughed|laughing|laugh) myself (?:to death|silly|stupid)\b/u,
        /\b(?:could|would|i?d) kill for (?:a|an|some)\b/u,
    ],
    ar: [
        /\b(?:رح|راح|ح|ب)?(?:اموت|موت|يموت|تموت|نموت|ميت|ميته|مت) (?:من|م) ?(?:ال)?(?:ضحك|تعب|جوع|ملل|برد|حر|خجل|نعس|عطش|شوق)\b/u,
        /\b(?:ال|هال)(?:حر|برد|شغل|دراسه|امتحان|امتحانات|واجب|واجبات|ملل|جوع|تعب|ضحك|شوق|زحمه|فاتوره|فواتير|مدرسه|طقس|انتظار|صداع|وجع|روتين|غلا|مسلسل|فيلم)(?: (?:رح|راح|ح|سوف|بدو|عم|قاعد))? ?(?:س|ب|ح)?(?:ي|ت)?(?:قتل|موت|ذبح)(?:ني|نا)\b/u,
    ],
};
/** Long key words whose misspellings are corrected (one edit, two from nine letters up); `*` also corrects compounds. */
exports.FUZZY_WORDS = [
    'självmord*', 'självskada*', 'suicide', 'suicidal', 'overdose', 'övergrepp*', 'misshandlade', 'misshandel', 'våldtäkt',
    'molested', 'threatened', 'threatening', 'kidnapped',
];
