// The PDF's font: Noto Sans (regular and bold, SIL OFL 1.1) from @expo-google-fonts/noto-sans,
// embedded as a subset of the glyphs used, so partner names in Latin Extended, Greek and Cyrillic
// ("Télécom Polska Łódź", "Ελληνικά", "Кириллица") print as written and extract with pdftotext
// (pdfkit writes a ToUnicode map). Deterministic: pdfkit derives the subset tag from the font's
// resource id (F1, F2), not from a random source, so the same document still gives the same bytes.
// A character the font has no glyph for is spelled in ASCII when there is a usual spelling (→ is
// "->") and printed as "?" otherwise, so a gap is visible rather than an empty box. (The HTML
// rendering is UTF-8 and prints everything as given.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const SANS = 'NotoSans';
export const SANS_BOLD = 'NotoSans-Bold';

const FILES = {
  [SANS]: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  [SANS_BOLD]: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

let loaded: Map<string, Buffer> | undefined;

/** The TTF bytes of both faces, read once per process. */
function fontBytes(): Map<string, Buffer> {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    loaded = new Map(Object.entries(FILES).map(([name, spec]) => [name, readFileSync(require.resolve(spec))]));
  }
  return loaded;
}

/** Registers SANS and SANS_BOLD with the document. */
export function registerFonts(pdf: PDFKit.PDFDocument): void {
  for (const [name, bytes] of fontBytes()) pdf.registerFont(name, bytes);
}

/** Usual ASCII spellings of symbols Noto Sans lacks. */
const SPELLED: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '≤': '<=',
  '≥': '>=',
  '⇄': '<->',
};

/** `s` with every character the current font cannot draw spelled or replaced by "?". */
export function printable(pdf: PDFKit.PDFDocument, s: string): string {
  // pdfkit's current font (an EmbeddedFont) wraps a fontkit font; it is not in pdfkit's types
  const font = (pdf as unknown as { _font?: { font?: { hasGlyphForCodePoint(cp: number): boolean } } })._font?.font;
  if (font === undefined) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a || font.hasGlyphForCodePoint(cp)) out += ch;
    else out += SPELLED[ch] ?? '?';
  }
  return out;
}
