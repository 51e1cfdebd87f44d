// The text summary of a CDR reconciliation: counts and money per category, totals, how the
// records matched, the clock skew, and the verdict with its arithmetic.
import { Decimal } from 'decimal.js';
import { renderTable } from '../cli/table.js';
import type { FindingCategory, Findings } from './findings.js';

const CATEGORIES: [FindingCategory, string][] = [
  ['matched', 'matched'],
  ['duration', 'duration disagreements'],
  ['unmatched-theirs', 'unmatched theirs'],
  ['duplicate-theirs', 'duplicates theirs'],
  ['unmatched-ours', 'unmatched ours'],
];

const signed = (d: Decimal) => (d.gt(0) ? `+${d.toFixed()}` : d.toFixed());

export function renderCdrFindings(f: Findings): string {
  const out: string[] = [];
  const m = f.cdrs;
  out.push(`CDR reconciliation: ${f.partner}, ${f.period}, ${f.agreement.id} v${f.agreement.version} (${f.currency})`);
  const records = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  if (m) out.push(`their CDRs: ${f.source.file}, ${records(m.theirRecords, 'record')}; ours: ${records(m.ourRecords, 'rated record')} (${m.services.join(', ')})`);
  out.push('');
  const rows: string[][] = [];
  for (const [cat, label] of CATEGORIES) {
    const ls = f.lines.filter((l) => l.category === cat);
    const records = ls.reduce((n, l) => n + ((cat === 'unmatched-ours' ? l.ours?.records : l.theirs?.records) ?? 0), 0);
    const sum = (pick: (l: (typeof ls)[number]) => string | null | undefined) => {
      const vals = ls.map(pick).filter((v): v is string => v !== null && v !== undefined);
      return vals.length ? vals.reduce((d, v) => d.plus(v), new Decimal(0)).toFixed() : '-';
    };
    const diff = ls.reduce((d, l) => d.plus(l.difference), new Decimal(0));
    const disputed = ls.filter((l) => l.disputed).reduce((d, l) => d.plus(l.difference), new Decimal(0));
    const unpriced = ls.filter((l) => l.theirs !== null && l.theirs.amount === null).reduce((n, l) => n + (l.theirs!.records ?? 0), 0);
    const note = [
      ls.some((l) => l.disputed) ? `disputed ${signed(disputed)}` : '',
      unpriced ? `${unpriced} not priced by the agreement` : '',
    ].filter(Boolean).join('; ');
    rows.push([label, String(records), sum((l) => l.theirs?.amount), sum((l) => l.ours?.amount), records ? signed(diff) : '0', note]);
  }
  rows.push(['total', '', f.totals.theirs, f.totals.ours, signed(new Decimal(f.totals.difference)), '']);
  out.push(renderTable(['category', 'records', `theirs ${f.currency}`, `ours ${f.currency}`, 'difference', ''], rows, new Set([1, 2, 3, 4])));
  out.push('');
  if (m) {
    out.push(`matched by call id ${m.matchedById}, by numbers and start time ${m.matchedByTime} (start ±${m.timeToleranceSeconds} s, duration ±${m.durationToleranceSeconds} s)`);
    if (m.clockSkewSeconds.median !== null) {
      const med = new Decimal(m.clockSkewSeconds.median);
      out.push(`clock skew: their starts ${med.isZero() ? 'agree with ours' : `are ${signed(med)} s from ours`} (median over matched records; mean ${signed(new Decimal(m.clockSkewSeconds.mean!))} s)`);
    }
  }
  for (const l of f.lines.filter((x) => x.theirs !== null && x.theirs.amount === null)) out.push(`note: ${l.category} ${l.explanation}`);
  out.push(`verdict: ${f.verdict}: ${f.verdictReason}`);
  return out.join('\n');
}
