// `icx diff` on small before/after agreements: one golden file per kind of commercial change
// (test/diff/__golden__, written by hand from the snippets: percentages are worked out in the
// comments), plus a formatting-only change that must show no change at all.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileSide, diffSides, type DiffReport } from '../../compiler/diff/index.js';
import { NO_FILES, type CompileHost, type SourceFile } from '../../compiler/index.js';
import { MARKDOWN_ROWS, renderJson, renderMarkdown, renderText } from '../../runtime/cli/diff-render.js';
import { BASE, DECK_AGREEMENT, DECK_NEW, DECK_OLD, FORMATTED, SECOND, variant } from './snippets.js';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), '__golden__');
const golden = (name: string) => readFileSync(path.join(GOLDEN, name), 'utf8');

function report(oldFiles: SourceFile[], newFiles: SourceFile[], hosts: [CompileHost, CompileHost] = [NO_FILES, NO_FILES], asOf?: string): DiffReport {
  const o = compileSide(oldFiles, hosts[0]);
  const n = compileSide(newFiles, hosts[1]);
  expect(o.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(n.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return diffSides(o.side, n.side, asOf ? { asOf } : {});
}

const acme = (text: string): SourceFile[] => [{ uri: 'acme.icx', text }];
const out = (r: DiffReport) => ({ old: 'old', new: 'new', report: r, impact: null });
const text = (oldText: string, newText: string) => renderText(out(report(acme(oldText), acme(newText))));

const BAND_ADDED = variant(
  ['    offpeak  otherwise\n', '    night    mon-sun 00:00-06:00\n    offpeak  otherwise\n'],
  ['offpeak 0.0100 EUR/min', 'offpeak 0.0100 EUR/min  night 0.0080 EUR/min'],
);
const PRICE_UP = variant(['peak 0.0123 EUR/min', 'peak 0.0133 EUR/min'], ['version 1', 'version 2']);

const deckHost = (deck: string): CompileHost => ({ readFile: (uri) => (uri === 'decks/az.csv' ? deck : undefined) });
const deckReport = (asOf?: string) =>
  report([{ uri: 'deck.icx', text: DECK_AGREEMENT('2026-01-01') }], [{ uri: 'deck.icx', text: DECK_AGREEMENT('2026-03-01') }],
    [deckHost(DECK_OLD), deckHost(DECK_NEW)], asOf);

describe('icx diff goldens', () => {
  // (0.0133 − 0.0123) / 0.0123 = 8.1300…% → +8.13%
  it('price up', () => expect(text(BASE, PRICE_UP)).toBe(golden('price-up.txt')));
  it('price up, Markdown', () => expect(renderMarkdown(out(report(acme(BASE), acme(PRICE_UP))))).toBe(golden('price-up.md')));
  it('price up, JSON', () => expect(renderJson(out(report(acme(BASE), acme(PRICE_UP))))).toBe(golden('price-up.json')));

  // (0.0040 − 0.0045) / 0.0045 = −11.111…% → −11.11%, from the new line's date; FR-FIXED is priced in both bands
  it('price down from a date', () =>
    expect(text(BASE, variant(['    rate FR-FIXED   0.0045 EUR/min\n', '    rate FR-FIXED   0.0045 EUR/min\n    rate FR-FIXED   0.0040 EUR/min  from 2026-04-01\n'])))
      .toBe(golden('price-down.txt')));

  it('zones gain and lose prefixes', () =>
    expect(text(BASE, variant(['FR-MOBILE  33 6, 33 7', 'FR-MOBILE  33 6, 33 78'], ['FR-FIXED   33 1, 33 2', 'FR-FIXED   33 1, 33 2, 33 3'])))
      .toBe(golden('zone-prefixes.txt')));

  it('a new barred zone', () =>
    expect(text(BASE, variant(['FR-FIXED   33 1, 33 2\n', 'FR-FIXED   33 1, 33 2\n    FR-PREMIUM 33 89\n'],
      ['    rate FR-FIXED   0.0045 EUR/min\n', '    rate FR-FIXED   0.0045 EUR/min\n    bar FR-PREMIUM\n']))).toBe(golden('zone-added.txt')));

  it('a zone removed with its prices', () =>
    expect(text(BASE, variant(['    FR-FIXED   33 1, 33 2\n', ''], ['    rate FR-FIXED   0.0045 EUR/min\n', '']))).toBe(golden('zone-removed.txt')));

  // night takes 00:00-06:00 every day from offpeak (peak is mon-fri 08:00-20:00)
  it('band added', () => expect(text(BASE, BAND_ADDED)).toBe(golden('band-added.txt')));
  it('band removed', () => expect(text(BAND_ADDED, BASE)).toBe(golden('band-removed.txt')));

  it('billing increments', () => expect(text(BASE, variant(['billing 60/60', 'billing 30/6']))).toBe(golden('increment.txt')));

  // (0.0035 − 0.0040) / 0.0040 = −12.5% → −12.50%
  it('tier price', () => expect(text(BASE, variant(['tier 1_000_000 .. 0.0040 EUR/msg', 'tier 1_000_000 .. 0.0035 EUR/msg']))).toBe(golden('tier.txt')));

  it('commitment', () =>
    expect(text(BASE, variant(['ACME commits 250_000 EUR per quarter', 'ACME commits 300_000 EUR per quarter']))).toBe(golden('commitment.txt')));

  // a second price step from billed second 60 (the first step keeps 0.0045), fees, caps, rounding, settlement terms
  it('other terms of a service and of the agreement', () =>
    expect(text(BASE, variant(
      ['billing 60/60', 'billing 60/60 minimum 30s\n    connect fee 0.0100 EUR\n    maximum 5.00 EUR per call\n    rounding half-up 4 decimals per record'],
      ['rate FR-FIXED   0.0045 EUR/min', 'rate FR-FIXED   first 60s 0.0045 EUR/min then 0.0030 EUR/min'],
      ['  commitment on voice-termination {', '  settlement {\n    invoicing monthly, due 30 days\n    netting bilateral\n  }\n\n  commitment on voice-termination {'],
    ))).toBe(golden('other-terms.txt')));

  it('validity', () => expect(text(BASE, variant(['valid 2026-01-01 .. 2026-12-31', 'valid 2026-01-01 .. 2027-06-30']))).toBe(golden('validity.txt')));

  // 336 raised in place from 2026-01-01: less than 7 days after the 2026-03-01 issue (earliest 2026-03-08) → violation;
  // 33 raised from 2026-03-15 ≥ 2026-03-08 → kept the notice. (0.0400 − 0.0380) / 0.0380 = 5.263% → +5.26%;
  // (0.0100 − 0.0095) / 0.0095 = 5.263% → +5.26%; (0.0055 − 0.0060) / 0.0060 = −8.333% → −8.33%
  it('notice violation on a deck', () => {
    const r = deckReport();
    expect(renderText(out(r))).toBe(golden('notice.txt'));
    expect(renderMarkdown(out(r))).toBe(golden('notice.md'));
  });

  it('--as-of later than the issue date moves the earliest allowed date (2026-03-10 + 7 = 2026-03-17 > 2026-03-15)', () => {
    const v = deckReport('2026-03-10').changes.filter((c) => c.op === 'violation');
    expect(v.map((c) => c.subject)).toEqual(['33 France - Fixed', '336 France - Mobile']);
    expect(v[0]!.text).toContain('earliest allowed 2026-03-17');
  });

  it('agreement added and removed', () => {
    const both = [...acme(BASE), { uri: 'second.icx', text: SECOND }];
    expect(renderText(out(report(acme(BASE), both)))).toBe(golden('agreement-added.txt'));
    expect(renderText(out(report(both, acme(BASE))))).toBe(golden('agreement-removed.txt'));
  });

  it('a formatting-only change (layout, comments, order of rate lines) is no commercial change', () => {
    const r = report(acme(BASE), [{ uri: 'moved/acme.icx', text: FORMATTED }]);
    expect(r.changes).toEqual([]);
    expect(r.agreements).toEqual([]);
    expect(renderText(out(r))).toBe(golden('formatting-only.txt'));
  });

  it('the same amounts written with other zeros are no change', () => {
    const fees = (fee: string, max: string, price: string) =>
      variant(['billing 60/60', `billing 60/60\n    connect fee ${fee} EUR\n    maximum ${max} EUR per call`], ['peak 0.0123 EUR/min', `peak ${price} EUR/min`]);
    expect(report(acme(fees('0.0100', '5.00', '0.0123')), acme(fees('0.01', '5', '0.01230'))).changes).toEqual([]);
    expect(report(acme(fees('0.0100', '5.00', '0.0123')), acme(fees('0.011', '5', '0.0123'))).changes.map((c) => c.text)).toEqual(['connect fee 0.0100 EUR → 0.011 EUR']);
  });

  it('cuts a long table in a Markdown comment and says so; text and JSON keep every change', () => {
    // 250 prefixes of a new destination in the NEW deck: 250 price lines + the issue date = 251 changes
    const rows = Array.from({ length: 250 }, (_, i) => `${4420000 + i},UK - Extra,0.0100,2026-03-20`).join('\n');
    const r = report([{ uri: 'deck.icx', text: DECK_AGREEMENT('2026-01-01') }], [{ uri: 'deck.icx', text: DECK_AGREEMENT('2026-03-01') }],
      [deckHost(DECK_OLD), deckHost(DECK_OLD + rows + '\n')]);
    expect(r.changes).toHaveLength(251);
    const md = renderMarkdown(out(r));
    expect(md).toContain(`251 changes; the first ${MARKDOWN_ROWS} are listed (\`--json\` has them all).`);
    expect(md.split('\n').filter((l) => l.startsWith('| + | termination |'))).toHaveLength(MARKDOWN_ROWS - 1);
    expect(renderText(out(r)).split('\n').filter((l) => l.startsWith('    + 44'))).toHaveLength(250);
  });
});
