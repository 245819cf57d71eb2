// The package's subpath exports are not read under `moduleResolution: node10`; these are their declarations
// (node_modules/@orama/stemmers/dist/*.d.ts).
declare module '@orama/stemmers/swedish' {
  export function stemmer(word: string): string;
  export const language: string;
}
declare module '@orama/stemmers/english' {
  export function stemmer(word: string): string;
  export const language: string;
}
declare module '@orama/stemmers/arabic' {
  export function stemmer(word: string): string;
  export const language: string;
}
