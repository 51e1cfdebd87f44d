// `icx diff` output: text (like `terraform plan`), Markdown (a pull-request comment) and
// JSON (schema in docs/usage.md). Amounts are printed exactly as the store summed them:
// trailing zeros beyond the cents dropped, thousands grouped, never rounded.
import { Decimal } from 'decimal.js';
import type { Change, DiffReport } from '../../compiler/diff/index.js';
import { dayBefore, OP_MARK } from '../../compiler/diff/index.js';
import type { Impact, ImpactRow } from '../diff-impact.js';

export interface DiffOutput {
  old: string;
  new: string;
  report: DiffReport;
  impact: { usage: string[] } & Impact | null;
}

export const DIFF_JSON_FORMAT = 1;
/** table rows per agreement in a Markdown comment */
export const MARKDOWN_ROWS = 200;

/** `3412.500000000` → `3,412.50`; `-0.0012` stays exact; with `signed`, a `+` before positives. */
export function money(v: string, signed = false): string {
  const neg = v.startsWith('-');
  const [int, frac = ''] = (neg ? v.slice(1) : v).split('.');
  let f = frac.replace(/0+$/, '');
  if (f.length < 2) f = f.padEnd(2, '0');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const zero = /^[0.,]*$/.test(grouped + f);
  return `${neg && !zero ? '-' : signed && !zero ? '+' : ''}${grouped}.${f}`;
}

function summaryLine(r: DiffReport): string {
  const s = r.summary;
  const ag = (n: number, w: string) => `${n} ${w}`;
  return `agreements: ${ag(s.agreementsChanged, 'changed')}, ${ag(s.agreementsAdded, 'added')}, ${ag(s.agreementsRemoved, 'removed')}; ` +
    `${s.changes} commercial change${s.changes === 1 ? '' : 's'} (${s.pricesUp} price${s.pricesUp === 1 ? '' : 's'} up, ${s.pricesDown} down); ` +
    `${s.noticeViolations} notice violation${s.noticeViolations === 1 ? '' : 's'}`;
}

/** The changes of one agreement: its own first, then service by service (in the report's order). */
function groups(r: DiffReport, id: string): { own: Change[]; services: { name: string; changes: Change[] }[] } {
  const own: Change[] = [];
  const services: { name: string; changes: Change[] }[] = [];
  for (const c of r.changes) {
    if (c.agreement !== id) continue;
    if (c.service === null) own.push(c);
    else {
      let g = services.find((s) => s.name === c.service);
      if (!g) services.push((g = { name: c.service, changes: [] }));
      g.changes.push(c);
    }
  }
  return { own, services };
}

const version = (a: DiffReport['agreements'][number]) =>
  a.oldVersion !== null && a.newVersion !== null && a.oldVersion !== a.newVersion ? ` v${a.oldVersion} → v${a.newVersion}` : ` v${a.newVersion ?? a.oldVersion}`;

/** The price change an impact row's zone and band went through, when there is exactly one. */
function priceOf(r: DiffReport, row: ImpactRow): string {
  const hits = r.changes.filter((c) => c.kind === 'price' && c.op === 'changed' && c.agreement === row.agreement && c.service === row.service &&
    c.price!.zone === row.zone && (c.price!.band ?? 'any') === (row.band ?? 'any'));
  if (hits.length !== 1) return '';
  const p = hits[0]!.price!;
  return ` ${signedDiff(p.old!, p.new!)} ${p.currency}/${p.unit}`;
}

/** new − old of two prices, exactly, with as many decimals as the longer one is written with. */
function signedDiff(a: string, b: string): string {
  const places = Math.max((a.split('.')[1] ?? '').length, (b.split('.')[1] ?? '').length);
  const d = new Decimal(b).minus(new Decimal(a));
  return `${d.isNegative() ? '' : '+'}${d.toFixed(places)}`;
}

const where = (x: { agreement: string; service: string; zone: string; band: string | null }) =>
  `${x.agreement} ${x.service} ${x.zone}${x.band && x.band !== 'any' ? ` ${x.band}` : ''}`;
const rowName = (x: ImpactRow) => where(x) + (x.was ? ` (was ${where(x.was)}${x.was.currency !== x.currency ? ` in ${x.was.currency}` : ''})` : '');
/** usage direction `out`: we hand the traffic over and pay (payable); `in`: we are paid */
const side = (direction: string) => (direction === 'out' ? 'cost' : 'revenue');
const diffText = (x: ImpactRow) => (x.difference === null ? `${money(x.oldAmount)} ${x.was!.currency} → ${money(x.newAmount)} ${x.currency}` : `${money(x.difference, true)} ${x.currency}`);

export function renderText(o: DiffOutput): string {
  const r = o.report;
  const lines = [`icx diff ${o.old} → ${o.new}`, ''];
  if (r.changes.length === 0) lines.push('No commercial changes.');
  for (const a of r.agreements) {
    const { own, services } = groups(r, a.id);
    if (a.status !== 'changed') {
      lines.push(`${a.status === 'added' ? '+' : '-'} ${own[0]!.text}${version(a)}  (${a.newUri ?? a.oldUri})`);
      continue;
    }
    lines.push(`~ agreement ${a.id} (${a.partner})${version(a)}  (${a.newUri})`);
    for (const c of own) lines.push(`    ${OP_MARK[c.op]} ${c.text}`);
    for (const s of services) {
      const whole = s.changes.length === 1 && s.changes[0]!.kind === 'service';
      if (whole) lines.push(`  ${OP_MARK[s.changes[0]!.op]} ${s.changes[0]!.text}`);
      else {
        lines.push(`  ~ service ${s.name}`);
        for (const c of s.changes) lines.push(`    ${OP_MARK[c.op]} ${c.text}`);
      }
    }
  }
  lines.push('', summaryLine(r));
  if (o.impact) lines.push('', ...impactText(o));
  return lines.join('\n') + '\n';
}

function impactText(o: DiffOutput): string[] {
  const i = o.impact!;
  const out = [`Impact on ${i.usage.join(', ')} (${i.records} record${i.records === 1 ? '' : 's'}; old: ${i.old.rated} rated, ${i.old.suspense} in suspense; new: ${i.new.rated} rated, ${i.new.suspense} in suspense)`];
  if (i.rows.length === 0 && i.moved.length === 0) out.push('  no difference on this traffic');
  for (const x of i.rows) {
    out.push(`  ${rowName(x)} (${x.partner}, ${side(x.direction)})${x.was ? '' : priceOf(o.report, x)}: ${diffText(x)} on this traffic ` +
      `(${money(x.oldAmount)} → ${money(x.newAmount)}, ${x.records} record${x.records === 1 ? '' : 's'})`);
  }
  for (const m of i.moved) {
    out.push(`  ${m.records} record${m.records === 1 ? '' : 's'} ${m.move === 'rated→suspense' ? 'rated before, in suspense now' : 'in suspense before, rated now'} ` +
      `(${m.reason}): ${m.agreement} ${m.service} ${m.zone}, ${money(m.amount)} ${m.currency}`);
  }
  // per partner only when there are several: with one, it is the total again
  if (new Set(i.partners.map((t) => t.partner)).size > 1) {
    for (const t of i.partners) out.push(`  ${t.partner} ${side(t.direction)} ${money(t.oldAmount)} → ${money(t.newAmount)} ${t.currency}: ${money(t.difference, true)} ${t.currency}`);
  }
  for (const t of i.totals) out.push(`  total ${side(t.direction)} ${money(t.oldAmount)} → ${money(t.newAmount)} ${t.currency}: ${money(t.difference, true)} ${t.currency}`);
  return out;
}

const cell = (s: string | null) => (s === null ? '–' : s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' '));

export function renderMarkdown(o: DiffOutput): string {
  const r = o.report;
  const lines = [`## icx diff: \`${cell(o.old)}\` → \`${cell(o.new)}\``, '', `**${summaryLine(r)}**`, ''];
  if (r.changes.length === 0) lines.push('No commercial changes.', '');
  const violations = r.changes.filter((c) => c.op === 'violation');
  if (violations.length) {
    lines.push('### ⚠️ Notice violations', '');
    if (violations.length > MARKDOWN_ROWS) lines.push(`${violations.length} violations; the first ${MARKDOWN_ROWS} are listed (\`--json\` has them all).`, '');
    for (const v of violations.slice(0, MARKDOWN_ROWS)) lines.push(`- **${cell(v.agreement)}** ${cell(v.service)}: ${cell(v.text)}`);
    lines.push('');
  }
  for (const a of r.agreements) {
    lines.push(`### ${OP_MARK[a.status]} ${cell(a.id)} (${cell(a.partner)})${version(a)}`, '', `\`${cell(a.newUri ?? a.oldUri)}\``, '');
    const own = r.changes.filter((x) => x.agreement === a.id && x.op !== 'violation');
    if (a.status !== 'changed') {
      lines.push(`${a.status === 'added' ? 'New' : 'Removed'}: ${cell(own[0]!.text)}`, '');
      continue;
    }
    lines.push('| | service | term | old | new | change |', '|---|---|---|--:|--:|---|');
    // a comment has a size limit (GitHub: 65,536 characters): a long deck diff is cut, --json has it all
    const shown = own.length > MARKDOWN_ROWS ? own.slice(0, MARKDOWN_ROWS) : own;
    if (shown.length < own.length) lines.splice(lines.length - 2, 0, `${own.length} changes; the first ${MARKDOWN_ROWS} are listed (\`--json\` has them all).`, '');
    for (const c of shown) {
      const change = c.price ? [c.price.percent ? `${c.price.percent}%` : '', stretchOf(c)].filter(Boolean).join(', ') : '';
      const unit = c.price ? ` ${c.price.currency}/${c.price.unit}` : '';
      lines.push(`| ${OP_MARK[c.op]} | ${cell(c.service ?? '—')} | ${cell(c.subject)} | ${c.old === null ? '–' : cell(c.old + unit)} | ${c.new === null ? '–' : cell(c.new + unit)} | ${cell(change)} |`);
    }
    lines.push('');
  }
  if (o.impact) {
    const i = o.impact;
    lines.push(`### Impact on ${i.usage.map((u) => `\`${cell(u)}\``).join(', ')}`, '',
      `${i.records} record${i.records === 1 ? '' : 's'}; old: ${i.old.rated} rated, ${i.old.suspense} in suspense; new: ${i.new.rated} rated, ${i.new.suspense} in suspense.`, '');
    if (i.rows.length) {
      lines.push('| partner | agreement | service | zone | band | | price | old | new | difference | records |', '|---|---|---|---|---|---|--:|--:|--:|--:|--:|');
      for (const x of i.rows) {
        const zone = x.zone + (x.was && x.was.zone !== x.zone ? ` (was ${x.was.zone})` : '');
        lines.push(`| ${cell(x.partner)} | ${cell(x.agreement)} | ${cell(x.service)} | ${cell(zone)} | ${cell(x.band ?? '–')} | ${side(x.direction)} | ` +
          `${cell(x.was ? '' : priceOf(o.report, x).trim())} | ${money(x.oldAmount)} | ${money(x.newAmount)} | **${cell(diffText(x))}** | ${x.records} |`);
      }
      lines.push('');
    }
    for (const m of i.moved) {
      lines.push(`- ${m.records} record${m.records === 1 ? '' : 's'} ${m.move === 'rated→suspense' ? 'rated before, **in suspense now**' : 'in suspense before, **rated now**'} (\`${cell(m.reason)}\`): ${cell(m.agreement)} ${cell(m.service)} ${cell(m.zone)}, ${money(m.amount)} ${cell(m.currency)}`);
    }
    if (i.moved.length) lines.push('');
    if (new Set(i.partners.map((t) => t.partner)).size > 1) {
      for (const t of i.partners) lines.push(`- ${cell(t.partner)} ${side(t.direction)}: ${money(t.oldAmount)} → ${money(t.newAmount)} ${cell(t.currency)} (**${money(t.difference, true)}**)`);
    }
    for (const t of i.totals) lines.push(`- total ${side(t.direction)}: ${money(t.oldAmount)} → ${money(t.newAmount)} ${cell(t.currency)} (**${money(t.difference, true)}**)`);
    if (i.totals.length) lines.push('');
  }
  return lines.join('\n');
}

function stretchOf(c: Change): string {
  const p = c.price!;
  if (p.to !== null) return `${p.from}..${dayBefore(p.to)}`;
  return c.text.includes(` from ${p.from}`) ? `from ${p.from}` : '';
}

export function renderJson(o: DiffOutput): string {
  return JSON.stringify({ format: DIFF_JSON_FORMAT, old: o.old, new: o.new, summary: o.report.summary, agreements: o.report.agreements, changes: o.report.changes, impact: o.impact }, null, 2) + '\n';
}
