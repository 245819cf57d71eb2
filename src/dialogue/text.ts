/** Bidirectional control characters that can disguise text (overrides, embeddings, isolates). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** C0/C1 control characters except tab and newline. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Cleans what a user typed before anything reads it: no control or direction-override characters, NFC, trimmed. */
export function cleanUserText(text: string): string {
  return text.normalize('NFC').replace(CONTROLS, '').replace(BIDI_CONTROLS, '').replace(/\r\n?/g, '\n').trim();
}

/** Folds text for matching: lower case, no diacritics, Arabic letter variants unified, tatweel removed, punctuation and extra spaces dropped. */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064B-\u065F\u0670]/g, '') // Arabic harakat
    .replace(/\u0640/g, '') // tatweel
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
