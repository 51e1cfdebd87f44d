// Document symbols, folding ranges and semantic tokens of one document, at marked positions.
import { describe, expect, it } from 'vitest';
import { documentSymbols, workspaceSymbols } from './symbols.js';
import { foldingRanges } from './folding.js';
import { LEGEND, plainTokens, semanticTokens } from './semantic-tokens.js';

const TEXT = `// header comment
// second line
partner ORANGE "Orange France SA" {
  type operator
}

agreement ACME-OF "ACME and Orange" {
  version 1
  parties {
    us       ACME-UK
    partner  ORANGE
  }
  currency EUR
  valid 2026-01-01 .. 2026-12-31
  timezone Europe/Paris

  timebands {
    peak     mon-fri 08:00-20:00
    offpeak  otherwise
  }

  zones {
    mobile  336 337
  }

  service voice-out voice payable {
    billing 60/60
    rate mobile peak 0.0123 EUR/min offpeak 0.0100 EUR/min
  }

  test "a mobile call" {
    usage voice-out to 33612345678 at 2026-03-02T10:00:00 for 61s
    expect 0.0246 EUR
  }
}
`;

const at = (needle: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = TEXT.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`no ${needle}`);
  return i;
};

describe('document symbols', () => {
  it('gives the outline: partner declaration, agreement → parties, bands, zones, services → rate lines, tests', () => {
    const s = documentSymbols(TEXT, 'x.icx');
    expect(s.map((x) => x.name)).toEqual(['ORANGE', 'ACME-OF']);
    const a = s[1]!;
    const names = a.children!.map((c) => c.name);
    expect(names).toEqual(['version 1', 'parties', 'currency EUR', 'valid 2026-01-01 .. 2026-12-31', 'timezone Europe/Paris', 'timebands', 'zones', 'voice-out', 'test "a mobile call"']);
    expect(a.children![5]!.children!.map((c) => c.name)).toEqual(['peak', 'offpeak']);
    expect(a.children![6]!.children!.map((c) => c.name)).toEqual(['mobile']);
    expect(a.children![7]!.children!.map((c) => c.name)).toEqual(['billing 60/60', 'rate mobile peak 0.0123 EUR/min offpeak 0.0100 EUR/min']);
    // the selection is the name: line 7 (0-based 6), after `agreement `
    expect(a.selectionRange).toEqual({ start: { line: 6, character: 10 }, end: { line: 6, character: 17 } });
  });

  it('finds workspace symbols across files by query', () => {
    const files = [{ uri: 'x.icx', text: TEXT }, { uri: 'y.icx', text: 'agreement MOBILE-DEAL "y" {\n  version 1\n}\n' }];
    const found = workspaceSymbols(files, 'mobile', (u) => `file:///w/${u}`);
    expect(found.map((f) => [f.name, f.location.uri])).toEqual([['mobile', 'file:///w/x.icx'], ['MOBILE-DEAL', 'file:///w/y.icx']]);
    expect(workspaceSymbols(files, '', (u) => u).map((f) => f.name)).toEqual(['ORANGE', 'ACME-OF', 'ACME-UK', 'ORANGE', 'mobile', 'voice-out', 'MOBILE-DEAL']);
  });
});

describe('folding ranges', () => {
  it('folds every block up to the line before its closing brace, and comment runs', () => {
    const f = foldingRanges(TEXT, 'x.icx').map((r) => [r.startLine, r.endLine, r.kind ?? '']);
    expect(f).toEqual([
      [0, 1, 'comment'],
      [2, 3, ''], // partner ORANGE
      [6, 33, ''], // agreement
      [8, 10, ''], // parties
      [16, 18, ''], // timebands
      [21, 22, ''], // zones
      [25, 27, ''], // service
      [30, 32, ''], // test
    ]);
  });
});

describe('semantic tokens', () => {
  const tokens = plainTokens(TEXT, 'x.icx');
  const kindAt = (offset: number) => {
    const t = tokens.find((x) => x.offset === offset);
    return t ? [t.type, ...t.modifiers].join('.') : 'none';
  };

  it('colours names by what they are, declarations marked', () => {
    expect(kindAt(at('ACME-OF'))).toBe('namespace.declaration');
    expect(kindAt(at('ORANGE'))).toBe('class.declaration');
    expect(kindAt(at('ORANGE', 1))).toBe('class.declaration'); // in the parties block
    expect(kindAt(at('peak'))).toBe('event.declaration');
    expect(kindAt(at('mobile '))).toBe('enumMember.declaration');
    expect(kindAt(at('voice-out'))).toBe('function.declaration');
    expect(kindAt(at('mobile peak'))).toBe('enumMember'); // a use, in the rate line
    expect(kindAt(at('mobile peak') + 7)).toBe('event');
    expect(kindAt(at('voice-out', 1))).toBe('function');
  });

  it('colours keywords, numbers, strings, dates, durations and comments', () => {
    expect(kindAt(at('agreement'))).toBe('keyword');
    expect(kindAt(at('voice payable'))).toBe('keyword'); // the service kind is a keyword, not a name
    expect(kindAt(at('"ACME and Orange"'))).toBe('string');
    expect(kindAt(at('0.0123'))).toBe('number');
    expect(kindAt(at('2026-01-01'))).toBe('number.date');
    expect(kindAt(at('08:00-20:00'))).toBe('number.date');
    expect(kindAt(at('61s'))).toBe('number.duration');
    expect(kindAt(0)).toBe('comment');
    expect(kindAt(at('EUR'))).toBe('variable');
  });

  it('encodes relative positions that decode back to the same tokens', () => {
    const { data } = semanticTokens(TEXT, 'x.icx');
    let line = 0;
    let char = 0;
    const decoded = [];
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      char = data[i]! === 0 ? char + data[i + 1]! : data[i + 1]!;
      decoded.push({ line, character: char, length: data[i + 2]!, type: LEGEND.tokenTypes[data[i + 3]!] });
    }
    expect(decoded).toEqual(tokens.map((t) => ({ line: t.line, character: t.character, length: t.length, type: t.type })));
  });
});
