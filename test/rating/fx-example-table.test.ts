// The lines proposed for agreements/acme-telcoz-roaming.icx (fx line, prices in SDR, a test
// block), checked against the real example table agreements/fx/gsma-2026.csv read through a
// host confined to agreements/, as the CLI reads it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/index.js';
import { openStore, runAgreementTests } from '../../runtime/index.js';

const ROOT = new URL('../../agreements/', import.meta.url);
const host = { readFile: (uri: string) => { try { return readFileSync(new URL(uri, ROOT), 'utf8'); } catch { return undefined; } } };

const TEXT = `agreement ACME-TELCOZ-FX-CHECK "roaming voice priced in SDR" {
  version 1

  parties {
    us       ACME    "ACME Telecom Ltd"  tadig GBRAC
    partner  TELCOZ  "TelcoZ"            tadig ZZZTZ  type roaming
  }

  currency EUR
  fx SDR -> EUR from table "fx/gsma-2026.csv" at usage date
  valid 2026-01-01 .. 2027-01-31
  timezone Europe/Paris

  zones {
    HOME 44
  }

  service roaming-voice voice payable {
    billing 30/30
    rate HOME 0.0250 SDR/min
  }

  // 61 s at 30/30 → 90 s; 90 × 0.0250 / 60 = 0.0375 SDR; × 1.170642 (row of 2026-03-02)
  // = 0.04389907500 → 0.043899 EUR (half-up, 6 decimals)
  test "a 61 s call home on 2 March, priced in SDR, settled in EUR at the usage-date rate" {
    usage roaming-voice to 447700900123 at 2026-03-02T10:00:00 for 61s
    expect 0.043899 EUR original 0.0375 SDR
  }

  // Sunday 2026-03-08 carries Friday's fixing 1.169954: 0.0375 × 1.169954 = 0.04387327500 → 0.043873 EUR
  test "a weekend call uses the weekend row (Friday's fixing)" {
    usage roaming-voice to 447700900123 at 2026-03-08T10:00:00 for 61s
    expect 0.043873 EUR original 0.0375 SDR
  }

  test "the table ends with 2026: a call on 10 January 2027 has no usage-date rate" {
    usage roaming-voice to 447700900123 at 2027-01-10T10:00:00 for 61s
    expect suspense no-fx-rate
  }
}
`;

describe('fx lines against agreements/fx/gsma-2026.csv', () => {
  it('compile (only the coverage warning) and their tests pass', async () => {
    const r = compile([{ uri: 'acme-telcoz-fx-check.icx', text: TEXT }], host);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['ICX5602']);
    const store = await openStore(':memory:');
    try {
      const results = await runAgreementTests(store, r.compiled);
      expect(results.map((t) => [t.title, t.failures])).toEqual(results.map((t) => [t.title, []]));
      expect(results).toHaveLength(3);
    } finally {
      await store.close();
    }
  });
});
