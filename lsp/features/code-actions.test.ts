// Quick fixes, each on a small snippet: the fixed text is written out by hand, it compiles without
// the fixed diagnostic and stays in canonical layout (lsp/test-support/code-actions.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startClient } from '../../test/lsp/client.js';
import { actionsFor, expectCodeActions } from '../test-support/code-actions.js';
import { codeActions } from './code-actions.js';
import { contextFor } from '../test-support/context.js';

/** A canonical agreement around `zones` and `services` (both written out in each test). */
const doc = (zones: string, services: string) => `agreement T-2026 "t" {
  version 1

  parties {
    us       ACME    "ACME"
    partner  ORANGE  "Orange"  type interconnect
  }

  currency EUR
  valid 2026-01-01 ..
  timezone UTC

  timebands {
    peak     mon-fri 08:00-20:00
    offpeak  otherwise
  }
${zones}${services}}
`;

const ZONES = `
  zones {
    FR-MOBILE  33 6, 33 7
    FR-FIXED   33 1, 33 2
  }
`;

describe('ICX2002 unknown zone → Create zone', () => {
  it('adds the zone to the zones block, realigning the block', () => {
    const before = doc(ZONES, `
  service voice-out voice payable {
    billing 60/60
    rate FR-MOBILE      0.0100 EUR/min
    rate FR-FIXED       0.0050 EUR/min
    rate DE-MOBILE-TMO  0.0200 EUR/min
  }
`);
    const after = doc(`
  zones {
    FR-MOBILE      33 6, 33 7
    FR-FIXED       33 1, 33 2
    DE-MOBILE-TMO  0
  }
`, `
  service voice-out voice payable {
    billing 60/60
    rate FR-MOBILE      0.0100 EUR/min
    rate FR-FIXED       0.0050 EUR/min
    rate DE-MOBILE-TMO  0.0200 EUR/min
  }
`);
    expectCodeActions(before, 'ICX2002', 'Create zone DE-MOBILE-TMO (placeholder prefix 0)', after);
  });

  it('on a bar line too', () => {
    const before = doc(ZONES, `
  service voice-out voice payable {
    billing 60/60
    rate FR-MOBILE  0.0100 EUR/min
    rate FR-FIXED   0.0050 EUR/min
    bar PREMIUM
  }
`);
    const after = doc(`
  zones {
    FR-MOBILE  33 6, 33 7
    FR-FIXED   33 1, 33 2
    PREMIUM    0
  }
`, `
  service voice-out voice payable {
    billing 60/60
    rate FR-MOBILE  0.0100 EUR/min
    rate FR-FIXED   0.0050 EUR/min
    bar PREMIUM
  }
`);
    expectCodeActions(before, 'ICX2002', 'Create zone PREMIUM (placeholder prefix 0)', after);
  });

  it('creates a zones block before the first service when there is none', () => {
    const before = doc('', `
  service voice-out voice payable {
    billing 60/60
    rate FR  0.0100 EUR/min
  }
`);
    const after = doc(`
  zones {
    FR  0
  }
`, `
  service voice-out voice payable {
    billing 60/60
    rate FR  0.0100 EUR/min
  }
`);
    expectCodeActions(before, 'ICX2002', 'Create zone FR (placeholder prefix 0)', after);
  });
});

describe('a file not in canonical layout', () => {
  it('gets the plain edit, and nothing else of the file changes', () => {
    const svc = `
  service voice-out voice payable {
    billing   60/60
    rate FR-MOBILE  0.0100 EUR/min
    rate FR-FIXED   0.0050 EUR/min
    rate DE         0.0200 EUR/min
  }
`;
    const after = doc(`
  zones {
    FR-MOBILE  33 6, 33 7
    FR-FIXED   33 1, 33 2
    DE  0
  }
`, svc);
    expectCodeActions(doc(ZONES, svc), 'ICX2002', 'Create zone DE (placeholder prefix 0)', after);
  });
});

describe('ICX3001 unit that does not fit the service kind', () => {
  it('voice → EUR/min', () => {
    const svc = (p: string) => `
  service voice-out voice payable {
    billing 60/60
    rate FR-MOBILE  0.0100 ${p}
    rate FR-FIXED   0.0050 EUR/min
  }
`;
    expectCodeActions(doc(ZONES, svc('EUR/msg')), 'ICX3001', 'Write EUR/min', doc(ZONES, svc('EUR/min')));
    expectCodeActions(doc(ZONES, svc('EUR/min/month')), 'ICX3001', 'Write EUR/min', doc(ZONES, svc('EUR/min')));
  });

  it('sms → EUR/msg', () => {
    const svc = (p: string) => `
  service sms-out sms payable {
    rate FR-MOBILE  0.0100 ${p}
    rate FR-FIXED   0.0050 EUR/msg
  }
`;
    expectCodeActions(doc(ZONES, svc('EUR/min')), 'ICX3001', 'Write EUR/msg', doc(ZONES, svc('EUR/msg')));
  });
});

describe('ICX5003 rate without a price for a band → Add a price', () => {
  it("appends the band with the line's first price", () => {
    const svc = (line: string) => `
  service voice-out voice payable {
    billing 60/60
    ${line}
    rate FR-FIXED   0.0050 EUR/min
  }
`;
    expectCodeActions(
      doc(ZONES, svc('rate FR-MOBILE  peak 0.0100 EUR/min from 2026-02-01')),
      'ICX5003',
      "Add a price for band offpeak (peak's price, 0.0100 EUR/min)",
      doc(ZONES, svc('rate FR-MOBILE  peak 0.0100 EUR/min  offpeak 0.0100 EUR/min from 2026-02-01')),
    );
  });

  it('copies rate steps whole', () => {
    const svc = (line: string) => `
  service voice-out voice payable {
    billing 60/60
    ${line}
    rate FR-FIXED   0.0050 EUR/min
  }
`;
    expectCodeActions(
      doc(ZONES, svc('rate FR-MOBILE  offpeak first 60s 0.0100 EUR/min then 0.0050 EUR/min')),
      'ICX5003',
      "Add a price for band peak (offpeak's price, first 60s 0.0100 EUR/min then 0.0050 EUR/min)",
      doc(ZONES, svc('rate FR-MOBILE  offpeak first 60s 0.0100 EUR/min then 0.0050 EUR/min  peak first 60s 0.0100 EUR/min then 0.0050 EUR/min')),
    );
  });
});

const SERVICE = `
  service voice-out voice payable {
    billing 60/60
    rate FR-MOBILE  0.0100 EUR/min
    rate FR-FIXED   0.0050 EUR/min
  }
`;

describe('ICX5007 duplicate prefix, and sorting a zone', () => {
  it('removes the later copy with its comma', () => {
    const zones = (fixed: string) => `
  zones {
    FR-MOBILE  33 6, 33 7
    FR-FIXED   ${fixed}
  }
`;
    expectCodeActions(doc(zones('33 1, 33 2, 33 1'), SERVICE), 'ICX5007', 'Remove the duplicate prefix 33 1', doc(zones('33 1, 33 2'), SERVICE));
  });

  it('sorts the prefixes of the zone under the cursor (a refactor, no diagnostic needed)', () => {
    const zones = (fixed: string) => `
  zones {
    FR-MOBILE  33 6, 33 7
    FR-FIXED   ${fixed}
  }
`;
    const action = expectCodeActions(doc(zones('33 4, 33 ‸2 1, 33 1'), SERVICE), null, 'Sort the prefixes of zone FR-FIXED', doc(zones('33 1, 33 2 1, 33 4'), SERVICE));
    expect(action.kind).toBe('refactor.rewrite');
    expect(action.diagnosticCode).toBeUndefined();
    // already sorted, or the cursor elsewhere: nothing to offer
    expect(actionsFor(doc(zones('33 1, 3‸3 2'), SERVICE)).actions).toEqual([]);
    expect(actionsFor(doc(zones('33 4, 33 1'), SERVICE).replace('billing', 'bil‸ling')).actions).toEqual([]);
  });
});

describe('ICX3002/ICX3003 currency → the agreement currency', () => {
  const svc = (p: string) => `
  service voice-out voice payable {
    billing 60/60
    rate FR-MOBILE  0.0100 ${p}
    rate FR-FIXED   0.0050 EUR/min
  }
`;
  it('a known currency other than the agreement one', () => {
    expectCodeActions(doc(ZONES, svc('USD/min')), 'ICX3002', 'Write EUR', doc(ZONES, svc('EUR/min')));
  });
  it('an unknown currency', () => {
    expectCodeActions(doc(ZONES, svc('EUX/min')), 'ICX3003', 'Write EUR', doc(ZONES, svc('EUR/min')));
  });
  it('not on an fx line, whose currencies differ from the agreement one by design', () => {
    const text = doc(ZONES, SERVICE).replace('  timezone UTC\n', '  timezone UTC\n  fx XYZ -> EUR from "fx.csv" at usage date\n');
    const ctx = contextFor(text);
    const start = text.indexOf('XYZ');
    expect(codeActions(ctx, [{ code: 'ICX3003', start, end: start + 3 }])).toEqual([]);
  });
});

describe('robustness', () => {
  it('never throws: garbage, ranges out of the text, unknown codes', () => {
    for (const text of ['', 'agreement {', doc(ZONES, SERVICE).slice(0, 200), '}}}} zones { A 1, 1 }']) {
      const ctx = contextFor(text);
      const ds = ['ICX2002', 'ICX3001', 'ICX3002', 'ICX3003', 'ICX5003', 'ICX5007', 'ICX9999'].flatMap((code) => [
        { code, start: 0, end: 5 },
        { code, start: -3, end: 1e9 },
        { code, start: 10, end: 2 },
      ]);
      expect(() => codeActions(ctx, ds, { start: 12, end: 12 })).not.toThrow();
      expect(Array.isArray(codeActions(ctx, ds, { start: -1, end: 1e9 }))).toBe(true);
    }
  });
});

describe('through the server over JSON-RPC', () => {
  it('offers the fix for a published diagnostic, linked to it, as a WorkspaceEdit that clears it', async () => {
    const svc = (p: string) => `
  service voice-out voice payable {
    billing 60/60
    rate FR-MOBILE  0.0100 ${p}
    rate FR-FIXED   0.0050 EUR/min
  }
`;
    const before = doc(ZONES, svc('GBP/min'));
    const dir = mkdtempSync(path.join(tmpdir(), 'icx-lsp-ca-'));
    writeFileSync(path.join(dir, 'a.icx'), before);
    const uri = pathToFileURL(path.join(dir, 'a.icx')).href;
    const client = await startClient(pathToFileURL(dir).href);
    try {
      await client.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'icx', version: 1, text: before } });
      const published = await client.waitFor((p) => p.uri === uri && p.diagnostics.length > 0);
      const diagnostic = published.diagnostics.find((d) => d.code === 'ICX3002') as Diagnostic;
      expect(diagnostic).toBeDefined();
      const actions = (await client.rpc.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: published.diagnostics },
      })) as CodeAction[];
      const fix = actions.find((a) => a.title === 'Write EUR');
      expect(fix?.kind).toBe('quickfix');
      expect(fix?.diagnostics).toEqual([diagnostic]);
      const after = TextDocument.applyEdits(TextDocument.create(uri, 'icx', 1, before), fix!.edit!.changes![uri]!);
      expect(after).toBe(doc(ZONES, svc('EUR/min')));
      // the edited document is clean
      const since = client.published.length;
      await client.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: after }] });
      const again = await client.waitFor((p) => p.uri === uri && p.version === 2, since);
      expect(again.diagnostics).toEqual([]);
      // `only` filters by kind; garbage answers an empty list, never an error
      const refactors = (await client.rpc.sendRequest('textDocument/codeAction', {
        textDocument: { uri }, range: diagnostic.range, context: { diagnostics: published.diagnostics, only: ['refactor'] },
      })) as CodeAction[];
      expect(refactors.every((a) => a.kind?.startsWith('refactor'))).toBe(true);
      const none = await client.rpc.sendRequest('textDocument/codeAction', {
        textDocument: { uri }, range: { start: { line: 999, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ ...diagnostic, code: 'ICX5007' }] },
      });
      expect(none).toEqual([]);
      expect(client.logs.filter((l) => l.includes('failed'))).toEqual([]);
    } finally {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
