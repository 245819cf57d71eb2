// The crisis detector as it was before the lexicon rebuild (commit 601625a, src/safety/crisis.ts compiled by tsc),
// kept so that bench/crisis.js can measure it next to the current one in the same process. Not used by the app.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.literalNeeds = literalNeeds;
exports.normaliseForCrisis = normaliseForCrisis;
exports.detectCrisis = detectCrisis;
exports.explainCrisis = explainCrisis;
const phrases_1 = require("./phrases-old");
/**
 * Crisis detection: runs on every typed message before the chat flow sees it.
 *
 * The text is normalised (bidi and control characters stripped, lower case, diacritics and Swedish å/ä/ö folded,
 * Arabic letter variants unified, harakat and tatweel removed, leetspeak in mixed tokens undone, punctuation to spaces)
 * into two forms: A with runs of 3+ equal letters collapsed to one, and B with every doubled letter collapsed. Each
 * phrase from `phrases.ts` is compiled once into an A and a B regular expression and tried against the matching form,
 * unless that form lacks the literal text every match of the expression holds (see "Prefilter" below).
 * Key words misspelt by one or two letters ("självmort", "suicde") are corrected first. A hit preceded by a negation
 * ("never", "aldrig", "لم") in the same clause is ignored unless the phrase is marked absolute. Pure, no I/O, never throws.
 */
/** Categories in the order they win when a message matches several: the most specific and urgent first. */
const PRIORITY = ['suicide', 'self-harm', 'abuse', 'child-danger', 'violence'];
const LANGS = ['sv', 'en', 'ar'];
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** Invisible characters removed without a trace, so they cannot split a word: C0/C1 controls (not tab/newline), soft hyphen, zero-width characters, BOM. */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;
const APOSTROPHES = /['\u2018\u2019\u201B\u0060\u00B4\u02BC\u02B9]/g;
/** Sentence ends: a phrase never spans one, and negation never reaches across one. */
const SENTENCE_END = /[.!?;\n\r\t\u061F\u061B\u06D4\u2026\u3002\u00A1\u00BF\u2022|]+/g;
const COMMA = /[,\u060C\u201A\u3001]/g;
const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N},|]+/gu;
const SPACES = / {2,}/g;
const LEET_TOKEN = /[\p{L}0-9@$]*[\p{L}][\p{L}0-9@$]*/gu;
const LEET_MAP = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const TRIPLE = /(\p{L})\1{2,}/gu;
const DOUBLE = /(\p{L})\1+/gu;
function foldArabic(s) {
    if (!/[\u0600-\u06FF]/.test(s))
        return s; // every character replaced below is in this block
    return s
        .replace(/\u0640/g, '')
        .replace(/[\u0623\u0625\u0622\u0671\u0672\u0673]/g, '\u0627')
        .replace(/\u0629/g, '\u0647')
        .replace(/[\u0649\u06CC\u06D2]/g, '\u064A')
        .replace(/\u0624/g, '\u0648')
        .replace(/\u0626/g, '\u064A')
        .replace(/\u06A9/g, '\u0643')
        .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
        .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}
/** Undoes leetspeak only in tokens that mix letters with digits or symbols ("k1ll", "su1c1de"), never in plain numbers. */
function unLeet(s) {
    if (!/[0-9@$]/.test(s))
        return s;
    return s.replace(LEET_TOKEN, (tok) => (/[0-9@$]/.test(tok) ? tok.replace(/[0-9@$]/g, (c) => LEET_MAP[c] ?? c) : tok));
}
/**
 * The shared first stage for text and phrases: one line of lower-case letters, digits and single spaces, with
 * " | " at sentence ends and " , " at commas. Repeated letters are left alone here.
 */
function baseFold(text) {
    let s = text.replace(BIDI, '').replace(INVISIBLE, '').replace(APOSTROPHES, '');
    s = s.normalize('NFKD').toLowerCase().replace(MARKS, '');
    s = foldArabic(s);
    s = s.replace(/\u00df/g, 'ss').replace(/\u00f8/g, 'o').replace(/\u00e6/g, 'ae').replace(/\u0131/g, 'i');
    s = unLeet(s);
    s = s.replace(SENTENCE_END, ' | ').replace(COMMA, ' , ').replace(NON_WORD, ' ').replace(SPACES, ' ').trim();
    return ` ${s} `;
}
const FUZZY = phrases_1.FUZZY_WORDS.map((w) => {
    const prefix = w.endsWith('*');
    const word = baseFold(prefix ? w.slice(0, -1) : w).trim();
    return { word, prefix, maxEdits: word.length >= 9 ? 2 : 1 };
});
const FUZZY_EXACT = new Set(FUZZY.map((f) => f.word));
/** Optimal string alignment distance (edits and adjacent swaps), giving up early above `max`. */
function editDistance(a, b, max) {
    if (Math.abs(a.length - b.length) > max)
        return max + 1;
    let prev2 = [];
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
            cur.push(v);
            if (v < rowMin)
                rowMin = v;
        }
        if (rowMin > max)
            return max + 1;
        prev2 = prev;
        prev = cur;
    }
    return prev[b.length] ?? max + 1;
}
function correctToken(tok) {
    if (tok.length < 5 || FUZZY_EXACT.has(tok))
        return tok;
    for (const f of FUZZY) {
        if (tok[0] !== f.word[0])
            continue;
        if (tok.startsWith(f.word)) {
            if (f.prefix || tok.length === f.word.length)
                return tok;
            continue;
        }
        if (editDistance(tok, f.word, f.maxEdits) <= f.maxEdits)
            return f.word;
        if (f.prefix && tok.length > f.word.length + 1) {
            // Only one edit inside a compound: with two, ordinary words slip in ("självmedkänsla" is two edits from "självmord").
            for (let len = f.word.length - 1; len <= f.word.length + 1; len++) {
                if (len < 4 || len >= tok.length)
                    continue;
                if (editDistance(tok.slice(0, len), f.word, 1) <= 1)
                    return f.word + tok.slice(len);
            }
        }
    }
    return tok;
}
const FUZZY_CANDIDATE = /(?<= )\p{L}{5,40}(?= )/gu;
const MAX_FUZZY_TOKENS = 5000;
function correctSpelling(s) {
    if (FUZZY.length === 0)
        return s;
    let n = 0;
    return s.replace(FUZZY_CANDIDATE, (tok) => (++n > MAX_FUZZY_TOKENS ? tok : correctToken(tok)));
}
// ---------------------------------------------------------------------------------------------------------------
// Compiling the phrase lists.
/** `\b` in a phrase pattern means a word edge in any script (JavaScript's own `\b` only knows ASCII). */
const EDGE = '(?:(?<![\\p{L}\\p{N}])|(?![\\p{L}\\p{N}]))';
const ARABIC = /[\u0600-\u06FF]/;
function escapeRe(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function collapseSource(source) {
    return source.replace(/(?<!\\)(\p{L})\1+/gu, '$1');
}
/** A plain phrase as a pattern source: whole words, a trailing `*` for a stem, Arabic "و/ف" and "ب/ل/ك + ال" allowed in front. */
function phraseSource(phrase) {
    const stem = phrase.endsWith('*');
    const folded = baseFold(stem ? phrase.slice(0, -1) : phrase).trim();
    let body = escapeRe(folded);
    if (ARABIC.test(folded)) {
        body = folded.startsWith('\u0627\u0644')
            ? `(?:[\u0648\u0641])?(?:[\u0628\u0643]?\u0627\u0644|\u0644\u0644)${escapeRe(folded.slice(2))}`
            : `[\u0648\u0641]?${body}`;
    }
    return `\\b${body}${stem ? '' : '\\b'}`;
}
const MAX_EXACT = 64;
/** Larger classes ([\u0621-\u064A]) read as any character. */
const MAX_CLASS = 8;
/** Shorter literals are in almost every message; also the shortest key the lookup tables below use. */
const MIN_LITERAL = 3;
/** Characters with a meaning of their own in a pattern. */
const SYNTAX = '\\^$.|?*+()[]{}';
const CONTROLS = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };
const UNKNOWN = { exact: null, needs: [] };
const ZERO_WIDTH = { exact: [''], needs: [] };
/** A part that matches exactly `strings`, given without repeats. */
function exactly(strings) {
    return { exact: strings, needs: [] };
}
/** Exact strings make one need, unless one of them is empty. */
function needsOf(l) {
    if (!l.exact)
        return l.needs;
    return l.exact.includes('') ? [] : [l.exact];
}
/** Every a + b, or null when that would be more than MAX_EXACT strings. */
function cross(a, b) {
    if (a.length * b.length > MAX_EXACT)
        return null;
    if (a.length === 1 && a[0] === '')
        return b;
    const out = new Set();
    for (const x of a)
        for (const y of b)
            out.add(x + y);
    return [...out];
}
/** `run` + `next`, with the run cut down to its last few characters until that fits in MAX_EXACT strings. */
function rejoin(run, next) {
    for (let keep = Math.max(...run.map((s) => s.length)) - 1; keep > 0; keep--) {
        const joined = cross([...new Set(run.map((s) => s.slice(-keep)))], next);
        if (joined)
            return joined;
    }
    return next;
}
function shortest(need) {
    return Math.min(...need.map((l) => l.length));
}
/** The most telling need: the longest shortest literal (rarest), then the fewest literals. */
function best(needs) {
    let top;
    for (const n of needs) {
        if (!top || shortest(n) > shortest(top) || (shortest(n) === shortest(top) && n.length < top.length))
            top = n;
    }
    return top;
}
/** A sequence: runs of exact parts are joined ("\bvill" + " " + "(?:inte|ej)" → "vill inte", "vill ej"). */
function concat(parts) {
    if (parts.length === 1)
        return parts[0] ?? UNKNOWN;
    let run = [''];
    let whole = true;
    const needs = [];
    const flush = () => {
        if (!run.includes(''))
            needs.push(run);
    };
    for (const part of parts) {
        if (!part.exact) {
            flush();
            needs.push(...part.needs);
            run = [''];
            whole = false;
            continue;
        }
        const joined = cross(run, part.exact);
        if (joined) {
            run = joined;
            continue;
        }
        // Too many strings: the run so far is one need, and a new run starts from the last characters of the old one.
        flush();
        run = rejoin(run, part.exact);
        whole = false;
    }
    if (whole)
        return { exact: run, needs: [] };
    flush();
    return { exact: null, needs };
}
/** Alternatives: every match holds a literal of one of them, so the best need of each is merged into one. */
function union(alts) {
    if (alts.every((alt) => alt.exact)) {
        const all = [...new Set(alts.flatMap((alt) => alt.exact ?? []))];
        if (all.length <= MAX_EXACT)
            return exactly(all);
    }
    const picks = alts.map((alt) => best(needsOf(alt)));
    if (picks.some((p) => p === undefined))
        return UNKNOWN;
    return { exact: null, needs: [[...new Set(picks.flatMap((p) => p ?? []))]] };
}
/** Plain characters, each one not bound by a quantifier after it. */
const WORD = /(?:[^\\^$.|?*+()[\]{}](?![?*+{]))+/uy;
const HEX = /\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4})/y;
const DIGITS = /[0-9]*/y;
/**
 * Reads a pattern source (the `u`-flag syntax the phrase table uses) into its literals. Throws on syntax it does not
 * know, and the caller then runs the pattern on every message.
 */
function literalsOf(source) {
    let i = 0;
    const fail = () => {
        throw new Error(`prefilter: cannot read ${source}`);
    };
    const at = (k = i) => source.charAt(k);
    /** The next character, a whole code point. */
    const next = () => {
        const c = String.fromCodePoint(source.codePointAt(i) ?? fail());
        i += c.length;
        return c;
    };
    const sticky = (re) => {
        re.lastIndex = i;
        const m = re.exec(source);
        if (m)
            i = re.lastIndex;
        return m;
    };
    const number = () => {
        const digits = sticky(DIGITS)?.[0] ?? '';
        return digits === '' ? Infinity : Number(digits);
    };
    function hex() {
        const [, braced, four] = sticky(HEX) ?? fail();
        const code = parseInt(braced ?? four ?? '', 16);
        // A surrogate half may pair with the next escape into one character; not worth reading.
        return code >= 0xd800 && code <= 0xdfff ? fail() : String.fromCodePoint(code);
    }
    /** The character after a backslash, or null for a class of them (\p{L}, \d); inside [] `\b` is a backspace. */
    function escaped(inClass) {
        const c = next();
        if (c === 'p' || c === 'P') {
            if (next() !== '{')
                fail();
            while (next() !== '}')
                ;
            return null;
        }
        if ('dDwWsS'.includes(c))
            return null;
        if (c === 'u')
            return hex();
        if (c === 'b' && inClass)
            return '\b';
        return CONTROLS[c] ?? (SYNTAX.includes(c) || c === '/' || c === '-' ? c : fail());
    }
    function charClass() {
        const negated = at() === '^';
        if (negated)
            i++;
        const chars = new Set();
        let listed = !negated;
        while (at() !== ']') {
            const c = next();
            const lo = c === '\\' ? escaped(true) : c;
            if (at() === '-' && at(i + 1) !== ']') {
                i++;
                const d = next();
                const hi = d === '\\' ? escaped(true) : d;
                const from = lo?.codePointAt(0) ?? fail();
                const to = hi?.codePointAt(0) ?? fail();
                if (to - from >= MAX_CLASS)
                    listed = false;
                else
                    for (let cp = from; cp <= to; cp++)
                        chars.add(String.fromCodePoint(cp));
            }
            else if (lo === null)
                listed = false;
            else
                chars.add(lo);
        }
        i++;
        return listed && chars.size <= MAX_CLASS ? exactly([...chars]) : UNKNOWN;
    }
    /** Steps over the rest of a group, minding escapes and classes. */
    function skipGroup() {
        for (let depth = 1; depth > 0;) {
            const c = next();
            if (c === '\\')
                next();
            else if (c === '(')
                depth++;
            else if (c === ')')
                depth--;
            else if (c === '[') {
                for (let d = next(); d !== ']'; d = next())
                    if (d === '\\')
                        next();
            }
        }
    }
    function atom() {
        const word = sticky(WORD);
        if (word)
            return exactly([word[0]]);
        const c = next();
        if (c === '(') {
            if (at() === '?') {
                i++;
                const kind = next();
                // A look-around matches no text of its own.
                if (kind === '=' || kind === '!' || (kind === '<' && (at() === '=' || at() === '!'))) {
                    skipGroup();
                    return ZERO_WIDTH;
                }
                if (kind === '<')
                    while (next() !== '>')
                        ; // a named group
                else if (kind !== ':')
                    fail();
            }
            const inner = disjunction();
            if (next() !== ')')
                fail();
            return inner;
        }
        if (c === '\\') {
            if (at() === 'b' || at() === 'B') {
                i++;
                return ZERO_WIDTH;
            }
            const e = escaped(false);
            return e === null ? UNKNOWN : exactly([e]);
        }
        if (c === '[')
            return charClass();
        if (c === '^' || c === '$')
            return ZERO_WIDTH;
        if (c === '.')
            return UNKNOWN;
        // A plain character with a quantifier after it.
        return SYNTAX.includes(c) ? fail() : exactly([c]);
    }
    function quantified(part) {
        const c = at();
        let min;
        let max;
        if (c === '?' || c === '*' || c === '+') {
            i++;
            [min, max] = c === '?' ? [0, 1] : c === '*' ? [0, Infinity] : [1, Infinity];
        }
        else if (c === '{') {
            i++;
            min = number();
            max = min;
            if (at() === ',') {
                i++;
                max = number();
            }
            if (next() !== '}' || min === Infinity)
                fail();
        }
        else
            return part;
        if (at() === '?')
            i++; // lazy: matches the same strings
        if (max === 0)
            return ZERO_WIDTH;
        if (min === 1 && max === 1)
            return part;
        if (min === 0 && max === 1 && part.exact)
            return exactly(part.exact.includes('') ? part.exact : [...part.exact, '']);
        return { exact: null, needs: min > 0 ? needsOf(part) : [] };
    }
    function sequence() {
        const parts = [];
        while (i < source.length && at() !== '|' && at() !== ')')
            parts.push(quantified(atom()));
        return concat(parts);
    }
    function disjunction() {
        const alts = [sequence()];
        while (at() === '|') {
            i++;
            alts.push(sequence());
        }
        return alts.length === 1 ? (alts[0] ?? UNKNOWN) : union(alts);
    }
    const all = disjunction();
    if (i < source.length)
        fail();
    return all;
}
/** Every distinct need (a set of literals) of every pattern; patterns refer to them by number. */
const NEEDS = [];
const NEED_IDS = new Map();
function needId(need) {
    // A literal that starts with another of the same need adds nothing ("vill inte" after "vill int"); in sorted order
    // that other one is the literal kept last.
    const literals = [];
    for (const literal of [...need].sort()) {
        const last = literals[literals.length - 1];
        if (last === undefined || !literal.startsWith(last))
            literals.push(literal);
    }
    const key = JSON.stringify(literals);
    let id = NEED_IDS.get(key);
    if (id === undefined) {
        id = NEEDS.push(literals) - 1;
        NEED_IDS.set(key, id);
    }
    return id;
}
/**
 * The literal sets a text must hold, one of each, before `source` can match in it; none when nothing useful is known,
 * or the syntax is beyond the reader (exported for tests).
 */
function literalNeeds(source) {
    try {
        return needsOf(literalsOf(source)).filter((n) => shortest(n) >= MIN_LITERAL);
    }
    catch {
        return [];
    }
}
/** Compiles a source in the phrase table's syntax, where `\b` is a word edge in any script. */
function pattern(source) {
    return { re: new RegExp(source.replace(/\\b/g, EDGE), 'gu'), needs: literalNeeds(source).map(needId) };
}
function compile(phrase, category, negatable) {
    const source = typeof phrase === 'string' ? phraseSource(phrase) : phrase.source;
    const collapsed = collapseSource(source);
    return {
        category,
        negatable,
        a: pattern(source),
        b: collapsed === source ? null : pattern(collapsed),
        label: String(phrase),
    };
}
function buildRules() {
    const rules = [];
    for (const category of PRIORITY) {
        for (const lang of LANGS) {
            const set = phrases_1.PHRASES[lang][category];
            for (const p of set.absolute ?? [])
                rules.push(compile(p, category, false));
            for (const p of set.phrases)
                rules.push(compile(p, category, true));
        }
    }
    return rules;
}
const RULES = buildRules();
const BENIGN_RULES = LANGS.flatMap((lang) => phrases_1.BENIGN[lang].map((re) => ({
    a: pattern(re.source),
    b: pattern(collapseSource(re.source)),
})));
/** Literals are looked up by how they start: the first MIN_LITERAL characters, or LONG_KEY for longer literals. */
const LONG_KEY = 5;
const BUCKETS = 0x4000;
/** Carries hash `h` over the characters of `s` from `i` to `end` (NaN past the end of `s`). */
function hash(s, i, end, h = 0) {
    for (let k = i; k < end; k++)
        h = h * 31 + s.charCodeAt(k);
    return h;
}
/** Every literal of every need, with the needs it meets, in a short and a long table by the hash of its key. */
function indexLiterals() {
    const short = new Array(BUCKETS).fill(undefined);
    const long = new Array(BUCKETS).fill(undefined);
    const entries = new Map();
    NEEDS.forEach((literals, id) => {
        for (const literal of literals) {
            let entry = entries.get(literal);
            if (!entry) {
                entry = { literal, needs: [] };
                entries.set(literal, entry);
                if (literal.length < LONG_KEY)
                    (short[hash(literal, 0, MIN_LITERAL) % BUCKETS] ??= []).push(entry);
                else
                    (long[hash(literal, 0, LONG_KEY) % BUCKETS] ??= []).push(entry);
            }
            entry.needs.push(id);
        }
    });
    return [short, long];
}
/** After every pattern is compiled, so that NEEDS is complete. */
const [SHORT, LONG] = indexLiterals();
/** Marks the needs of each literal in `bucket` that `text` holds at `i`. */
function mark(met, bucket, text, i) {
    if (bucket === undefined)
        return;
    for (const entry of bucket)
        if (text.startsWith(entry.literal, i))
            for (const n of entry.needs)
                met[n] = 1;
}
/** One pass over the text with two table lookups per position, rather than an `includes` per literal. */
function form(text) {
    const met = new Uint8Array(NEEDS.length);
    for (let i = 0; i + MIN_LITERAL <= text.length; i++) {
        const h = hash(text, i, i + MIN_LITERAL);
        mark(met, SHORT[h % BUCKETS], text, i);
        mark(met, LONG[hash(text, i + MIN_LITERAL, i + LONG_KEY, h) % BUCKETS], text, i);
    }
    return { text, met };
}
/** False when the form misses a need of the pattern, which then cannot match anywhere in it. */
function mayMatch(p, f) {
    for (const n of p.needs)
        if (f.met[n] === 0)
            return false;
    return true;
}
/** Negation words with how many words back they reach, in both letter forms. */
const NEGATION_REACH = new Map();
for (const lang of LANGS) {
    for (const [word, reach] of Object.entries(phrases_1.NEGATIONS[lang])) {
        const folded = baseFold(word).trim();
        NEGATION_REACH.set(folded.replace(TRIPLE, '$1'), reach);
        NEGATION_REACH.set(folded.replace(DOUBLE, '$1'), reach);
    }
}
const BREAKS = new Set(phrases_1.NEGATION_BREAKS.flatMap((w) => [baseFold(w).trim(), baseFold(w).trim().replace(DOUBLE, '$1')]));
const FILLERS = new Set(phrases_1.NEGATION_FILLERS.flatMap((w) => [baseFold(w).trim(), baseFold(w).trim().replace(DOUBLE, '$1')]));
/** Swedish puts "inte" after the verb in main clauses: "han slår mig inte". */
const AFTER_NEGATIONS = new Set(['inte', 'aldrig', 'ej', 'inge']);
const MAX_WINDOW = 4;
/** Whether a negation word in the same clause governs the match at [start, end). */
function isNegated(s, start, end) {
    let i = start;
    let words = 0;
    while (words < MAX_WINDOW + 2 && i > 0) {
        while (i > 0 && s[i - 1] === ' ')
            i--;
        const stop = i;
        while (i > 0 && s[i - 1] !== ' ')
            i--;
        if (stop === i)
            break;
        const tok = s.slice(i, stop);
        if (tok === '|' || tok === ',' || BREAKS.has(tok))
            break;
        if (FILLERS.has(tok))
            continue;
        words++;
        const reach = NEGATION_REACH.get(tok);
        if (reach !== undefined && words <= reach)
            return true;
        if (words >= MAX_WINDOW)
            break;
    }
    const after = /^ ?([\p{L}]+)/u.exec(s.slice(end, end + 24));
    const next = after?.[1];
    if (next !== undefined && AFTER_NEGATIONS.has(next)) {
        const rest = s.slice(end).trimStart().slice(next.length).trimStart();
        if (!/^(bara|enbart|ens|forsta|sista)\b/.test(rest))
            return true;
    }
    return false;
}
function firstLiveMatch(p, f, negatable) {
    if (!mayMatch(p, f))
        return false;
    const { re } = p;
    const s = f.text;
    re.lastIndex = 0;
    let guard = 0;
    for (let m = re.exec(s); m !== null && guard < 10000; m = re.exec(s), guard++) {
        if (m[0].length === 0) {
            re.lastIndex++;
            continue;
        }
        // The pattern may begin with a space-like edge; find the real start of the words.
        let start = m.index;
        while (s[start] === ' ')
            start++;
        if (!negatable || !isNegated(s, start, m.index + m[0].length))
            return true;
    }
    return false;
}
function blankBenign(f, which) {
    let out = f;
    for (const r of BENIGN_RULES) {
        const p = r[which];
        if (!mayMatch(p, out))
            continue;
        p.re.lastIndex = 0;
        const blanked = out.text.replace(p.re, ' , ');
        // The blank can join up new literals, so look again.
        if (blanked !== out.text)
            out = form(blanked);
    }
    return out;
}
function forms(text) {
    const base = baseFold(text);
    const a0 = correctSpelling(base.replace(TRIPLE, '$1'));
    const b0 = a0.replace(DOUBLE, '$1');
    const a = form(a0);
    return { a: blankBenign(a, 'a'), b: blankBenign(b0 === a0 ? a : form(b0), 'b') };
}
/** Both matching forms of a message (exported for tests and tools). */
function normaliseForCrisis(text) {
    const { a, b } = forms(text);
    return { a: a.text, b: b.text };
}
/** Returns the crisis category a typed message signals, or null. Never throws. */
function detectCrisis(text) {
    try {
        if (typeof text !== 'string' || text.length === 0)
            return null;
        const { a, b } = forms(text);
        if (a.text.trim() === '' || a.text.replace(/[|, ]/g, '') === '')
            return null;
        for (const rule of RULES) {
            if (firstLiveMatch(rule.a, a, rule.negatable))
                return { level: 'acute', category: rule.category, rule: rule.label };
            if (rule.b && firstLiveMatch(rule.b, b, rule.negatable))
                return { level: 'acute', category: rule.category, rule: rule.label };
            if (!rule.b && b.text !== a.text && firstLiveMatch(rule.a, b, rule.negatable))
                return { level: 'acute', category: rule.category, rule: rule.label };
        }
        return null;
    }
    catch {
        // A detector that throws would take the whole turn down; failing quiet here is the lesser harm.
        return null;
    }
}
/** For tests and tuning: which rule fired. */
function explainCrisis(text) {
    try {
        const { a, b } = forms(text);
        for (const rule of RULES) {
            if (firstLiveMatch(rule.a, a, rule.negatable) || (rule.b ? firstLiveMatch(rule.b, b, rule.negatable) : firstLiveMatch(rule.a, b, rule.negatable))) {
                return { category: rule.category, rule: rule.label };
            }
        }
        return null;
    }
    catch {
        return null;
    }
}
