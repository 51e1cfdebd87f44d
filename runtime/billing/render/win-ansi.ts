// The PDF uses the 14 standard fonts (Helvetica), which are not embedded and so keep the file
// small and deterministic, but only know the WinAnsi character set. Characters outside it would
// print as garbage; we spell the common ones in ASCII and show the rest as "?" so the gap is
// visible rather than silent. (The HTML rendering is UTF-8 and prints everything as given.)

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const SPELLED: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '≤': '<=',
  '≥': '>=',
  '\u2212': '-',
  '\u00a0': ' ',
};

export function winAnsi(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code === 0x0a || (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff && ch !== '\u00a0') || WIN_ANSI_EXTRA.has(ch)) {
      out += ch;
    } else if (SPELLED[ch] !== undefined) {
      out += SPELLED[ch];
    } else {
      out += '?';
    }
  }
  return out;
}
