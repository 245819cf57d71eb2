/** Readability figures for Swedish text: LIX and the longest sentence. */
export interface Readability {
  words: number;
  sentences: number;
  longWords: number;
  lix: number;
  longestSentence: number;
  longestSentenceText: string;
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Splits a message into sentences: a sentence ends at . ! ? or : followed by space or end; every message ends one. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?:…])\s+/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** LIX = words / sentences + 100 × long words (more than six letters) / words. */
export function readability(texts: readonly string[]): Readability {
  let wordCount = 0;
  let sentenceCount = 0;
  let longWords = 0;
  let longestSentence = 0;
  let longestSentenceText = '';
  for (const text of texts) {
    for (const sentence of sentences(text)) {
      const ws = words(sentence);
      if (ws.length === 0) continue;
      sentenceCount += 1;
      wordCount += ws.length;
      longWords += ws.filter((w) => [...w.replace(/[-'’]/g, '')].length > 6).length;
      if (ws.length > longestSentence) {
        longestSentence = ws.length;
        longestSentenceText = sentence;
      }
    }
  }
  const lix = wordCount === 0 ? 0 : wordCount / Math.max(1, sentenceCount) + (100 * longWords) / wordCount;
  return { words: wordCount, sentences: sentenceCount, longWords, lix: Math.round(lix * 10) / 10, longestSentence, longestSentenceText };
}
