// The traffic report as one self-contained HTML file: inline CSS, inline SVG charts (charts.ts),
// no script, no external URL. Every name from the store or the agreements is escaped.
import type { TopLevelSpec } from 'vega-lite';
import { dailySpec, hbarSpec, renderSvg, type ChartPoint } from './charts.js';
import { amount, count, escapeHtml as h, group, megabytes, minSec, monthName } from './format.js';
import { STYLE } from './traffic-style.js';
import type { TrafficReport, TrafficRow } from './traffic-data.js';

export interface RenderOptions {
  /** the store's file name, shown in the header */
  store?: string;
  /** skip the charts (tests of the tables; the SVGs are tested apart) */
  charts?: boolean;
}

const minutes = (r: TrafficRow) => Number(r.billedMinutes);

/** The rule the report counts calls by (also in docs/usage.md "Traffic report"). */
export const OUTCOME_RULE =
  'The usage schema has no call outcome field, so a rated voice record whose duration as given is 0 counts as an ' +
  'unanswered attempt and every other rated voice record as an answered call. ASR = answered calls ÷ attempts; ' +
  'ACD = the answered calls’ actual seconds (as given, before rounding and increments) ÷ answered calls. Voice ' +
  'records in suspense are not counted as attempts (they were not routed to a priced destination or are malformed); ' +
  'they are listed under Suspense.';

type Col = { head: string; num?: boolean; cell: (r: TrafficRow) => string; show?: (rows: TrafficRow[]) => boolean };

const any = (f: (r: TrafficRow) => boolean) => (rows: TrafficRow[]) => rows.some(f);

function columns(keyHead: string | null): Col[] {
  return [
    ...(keyHead ? [{ head: keyHead, cell: (r: TrafficRow) => h(r.key) }] : []),
    { head: 'direction', cell: (r) => `<span class="dir ${r.direction}">${r.direction}</span>` },
    { head: 'records', num: true, cell: (r) => count(r.records) },
    // a volume the group does not have is left blank (voice has no units, SMS no minutes)
    { head: 'billed min', num: true, cell: (r) => (r.billedSeconds === '0' ? '' : group(r.billedMinutes)), show: any((r) => r.billedSeconds !== '0') },
    { head: 'units', num: true, cell: (r) => (r.units === '0' ? '' : group(r.units)), show: any((r) => r.units !== '0') },
    { head: 'data MB', num: true, cell: (r) => (r.billedBytes === '0' ? '' : megabytes(r.billedBytes)), show: any((r) => r.billedBytes !== '0') },
    { head: 'amount', num: true, cell: (r) => `${amount(r.amount)} <span class="ccy">${h(r.currency)}</span>` },
    { head: 'calls', num: true, cell: (r) => (r.calls ? count(r.calls) : ''), show: any((r) => r.calls > 0) },
    { head: 'ASR', num: true, cell: (r) => (r.asr === null ? '' : `${r.asr}%`), show: any((r) => r.calls > 0) },
    { head: 'ACD', num: true, cell: (r) => (r.acdSeconds === null ? '' : `<span title="${r.acdSeconds} s">${minSec(r.acdSeconds)}</span>`), show: any((r) => r.calls > 0) },
  ];
}

function table(rows: TrafficRow[], keyHead: string | null, extra: Col[] = []): string {
  if (rows.length === 0) return '<p class="none">none</p>';
  const cols = [...columns(keyHead), ...extra].filter((c) => !c.show || c.show(rows));
  const head = cols.map((c) => `<th${c.num ? ' class="num"' : ''}>${c.head}</th>`).join('');
  const body = rows.map((r) => `<tr>${cols.map((c) => `<td${c.num ? ' class="num"' : ''}>${c.cell(r)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const agreementsCol: Col = { head: 'agreements', cell: (r) => `<span class="small">${r.agreements.map(h).join(', ')}</span>` };

function daysOf(d: TrafficReport): string[] {
  const n = Number(d.to.slice(8));
  return Array.from({ length: n }, (_, i) => `${d.period}-${String(i + 1).padStart(2, '0')}`);
}

const currencies = (rows: TrafficRow[]) => [...new Set(rows.map((r) => r.currency))].sort();

async function chart(spec: TopLevelSpec, alt: string, on: boolean): Promise<string> {
  return on ? `<figure class="chart">${await renderSvg(spec, alt)}</figure>` : '';
}

function card(t: TrafficRow): string {
  const facts: [string, string][] = [['records', count(t.records)]];
  if (t.billedSeconds !== '0') facts.push(['billed minutes', group(t.billedMinutes)]);
  if (t.units !== '0') facts.push(['units (messages, events)', group(t.units)]);
  if (t.billedBytes !== '0') facts.push(['data MB', megabytes(t.billedBytes)]);
  if (t.asr !== null) facts.push(['ASR', `${t.asr}%`]);
  if (t.acdSeconds !== null) facts.push(['ACD', minSec(t.acdSeconds)]);
  return `<div class="card ${t.direction}"><div class="card-head"><span class="dir ${t.direction}">${t.direction}</span> ${h(t.currency)}</div>
<div class="big">${amount(t.amount)} <span class="ccy">${h(t.currency)}</span></div>
<dl>${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></div>`;
}

const points = (rows: TrafficRow[], value: (r: TrafficRow) => number, label = (r: TrafficRow) => r.key): ChartPoint[] =>
  rows.map((r) => ({ label: label(r), value: value(r), series: r.direction }));

export async function renderTrafficReport(d: TrafficReport, opts: RenderOptions = {}): Promise<string> {
  const on = opts.charts !== false;
  const title = `Traffic report — ${monthName(d.period)}${d.partner ? ` — ${d.partner}` : ''}`;
  const parts: string[] = [];
  parts.push(`<header><h1>${h(title)}</h1>
<p class="meta">Rated records whose local start (in each agreement’s time zone) falls between ${d.from} and ${d.to}` +
    `${d.partner ? `, partner or agreement <b>${h(d.partner)}</b>` : ', every partner'}` +
    `${opts.store ? `; store <code>${h(opts.store)}</code>` : ''}; ${count(d.runs.length)} rating run${d.runs.length === 1 ? '' : 's'}.</p></header>`);
  if (d.empty) {
    parts.push(`<section class="empty"><h2>No rated traffic in ${h(monthName(d.period))}</h2><p>The store holds no rated record whose local start falls in ${d.from} … ${d.to}` +
      `${d.partner ? ` for ${h(d.partner)}` : ''}. Rate the month’s usage first (<code>icx rate</code> or <code>icx bill --usage</code>).</p></section>`);
  } else {
    parts.push(`<section id="totals"><h2>Totals</h2><p class="note">Per direction and currency: amounts in different currencies are never added, nor what we pay to what we receive.</p><div class="cards">${d.totals.map(card).join('\n')}</div>
${table(d.byKind, 'kind')}</section>`);

    const days = daysOf(d);
    const voiceDays = d.byDay.filter((r) => r.billedSeconds !== '0');
    const daily: string[] = [];
    if (voiceDays.length) daily.push(await chart(dailySpec('Billed voice minutes per day', days, points(voiceDays, minutes), 'billed minutes', true), 'billed voice minutes per local day', on));
    daily.push(await chart(dailySpec('Records per day', days, points(d.byDay, (r) => r.records), 'records', true), 'records per local day', on));
    for (const c of currencies(d.byDay)) {
      const rows = d.byDay.filter((r) => r.currency === c);
      daily.push(await chart(dailySpec(`Amount per day, ${c}`, days, points(rows, (r) => Number(r.amount)), c, false), `amount per local day in ${c}`, on));
    }
    parts.push(`<section id="days"><h2>Per day</h2>${daily.join('\n')}<details><summary>Table per day</summary>${table(d.byDay, 'local day')}</details></section>`);

    const partnerCharts: string[] = [];
    for (const c of currencies(d.byPartner)) {
      const rows = d.byPartner.filter((r) => r.currency === c);
      partnerCharts.push(await chart(hbarSpec(`Amount per partner, ${c}`, points(rows, (r) => Number(r.amount)), c), `amount per partner in ${c}`, on));
    }
    const partnerVoice = d.byPartner.filter((r) => r.billedSeconds !== '0');
    if (partnerVoice.length) partnerCharts.push(await chart(hbarSpec('Billed voice minutes per partner', points(partnerVoice, minutes), 'billed minutes'), 'billed voice minutes per partner', on));
    parts.push(`<section id="partners"><h2>Per partner</h2>${partnerCharts.join('\n')}${table(d.byPartner, 'partner', [agreementsCol])}</section>`);

    const dest: string[] = [];
    if (d.topZonesByMinutes.length) {
      dest.push(await chart(hbarSpec('Top destinations by billed minutes', points(d.topZonesByMinutes, minutes), 'billed minutes'), 'top destinations by billed minutes', on));
    }
    for (const c of currencies(d.topZonesByAmount)) {
      const rows = d.topZonesByAmount.filter((r) => r.currency === c);
      dest.push(await chart(hbarSpec(`Top destinations by amount, ${c}`, points(rows, (r) => Number(r.amount)), c), `top destinations by amount in ${c}`, on));
    }
    parts.push(`<section id="destinations"><h2>Destinations</h2><p class="note">Zones as the agreements name them; <code>any</code> is the zone of services priced without a destination (data, events, SMS bundles).</p>${dest.join('\n')}
<h3>Top destinations by billed minutes</h3>${table(d.topZonesByMinutes, 'zone')}
<h3>Top destinations by amount</h3>${table(d.topZonesByAmount, 'zone')}
<details><summary>Every destination (${count(new Set(d.byZone.map((r) => r.key)).size)})</summary>${table(d.byZone, 'zone', [agreementsCol])}</details></section>`);

    parts.push(`<section id="bands"><h2>Per band</h2><p class="note">The band at the start of the call (time bands of each agreement); <code>any</code> = no time bands.</p>${table(d.byBand, 'band')}</section>`);

    parts.push(`<section id="outcomes"><h2>Call outcomes (ASR, ACD)</h2><p class="rule">${h(OUTCOME_RULE)}</p>
<p class="note">In the tables above: <b>calls</b> = voice attempts, <b>ASR</b> = answer-seizure ratio, <b>ACD</b> = average call duration (minutes:seconds).</p></section>`);
  }

  const susp = d.suspense;
  const suspChart = susp.length
    ? await chart(hbarSpec('Suspense records by reason', susp.map((s) => ({ label: s.reason, value: s.records, series: 'suspense' })), 'records'), 'suspense records by reason', on)
    : '';
  const suspTable = susp.length
    ? `<table><thead><tr><th>reason</th><th>meaning</th><th class="num">records</th><th class="num">of which voice</th></tr></thead><tbody>
${susp.map((s) => `<tr><td><code>${h(s.reason)}</code></td><td>${h(s.description)}</td><td class="num">${count(s.records)}</td><td class="num">${count(s.voice)}</td></tr>`).join('\n')}
</tbody></table>`
    : '<p class="none">No suspense record in this period.</p>';
  parts.push(`<section id="suspense"><h2>Suspense by reason</h2><p class="note">Records that could not be rated. A suspense record has no local start, so it belongs to the month of the date written at the start of its <code>start_time</code> (the offset is not applied); a record id counts once, in its latest run, and not at all once a later run rated it${d.partner ? '; with a partner filter, only records that reached one of its agreements' : ''}.</p>
${suspChart}${suspTable}${d.suspenseUndated ? `<p class="note">${count(d.suspenseUndated)} suspense record${d.suspenseUndated === 1 ? ' has' : 's have'} no readable date in the store and belong${d.suspenseUndated === 1 ? 's' : ''} to no month (not counted above).</p>` : ''}</section>`);

  parts.push(`<footer><p>How this report counts: a record rated in several runs counts once, in its latest run (as invoices count it). Amounts are exact sums of the rated records, each already rounded as its agreement states; chart bars are drawn from the same figures. Billed minutes = billed seconds ÷ 60, shown to 2 decimals; data in MB of 1,048,576 bytes.</p>
${d.runs.length ? `<details><summary>Rating runs counted</summary><table><thead><tr><th>run</th><th class="num">records</th></tr></thead><tbody>${d.runs.map((r) => `<tr><td><code>${h(r.runId)}</code></td><td class="num">${count(r.records)}</td></tr>`).join('')}</tbody></table></details>` : ''}
<p>Generated by <code>icx report traffic</code>.</p></footer>`);

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${parts.join('\n')}
</main>
</body>
</html>
`;
}
