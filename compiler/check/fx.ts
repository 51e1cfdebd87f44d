// Multi-currency: the fx lines of an agreement, the one price currency of each service, the
// `original` amount of test expectations, and (given a host) the FX tables themselves.
// Every finding is a diagnostic; a table's own problems point into the TABLE file.
import type { FxDecl, Name, ServiceBlock } from '../../language/ast.js';
import type { FxPlan } from '../plan.js';
import { readFxTable, type FxTable } from '../fx-table.js';
import { resolveReference, type CompileHost } from '../host.js';
import type { AgreementModel } from '../model.js';
import { at, type Sink } from '../sink.js';
import { isCurrency } from './currencies.js';
import { isFxCurrency } from './fx-currencies.js';
import { lastDayOfMonth } from '../values.js';

/** Is `code` settled in the agreement currency through one of its fx lines? */
export function settledByFx(m: AgreementModel, code: string): boolean {
  return isFxCurrency(code) && m.currency !== undefined && m.fxByFrom.get(code)?.to?.text === m.currency;
}

/** What ICX3002/ICX3003 suggest when an amount is in another currency than the agreement's. */
export function fxHint(m: AgreementModel, code: string): string {
  if (!isFxCurrency(code) || !m.currency) return '';
  return `, or declare how ${code} is settled: \`fx ${code} -> ${m.currency} from table "fx/<table>.csv" at usage date\``;
}

/** Every currency token a service's prices are written in, in source order. */
export function priceCurrencies(s: ServiceBlock): Name[] {
  const out: Name[] = [];
  for (const item of s.items ?? []) {
    if (item.kind === 'rate') {
      for (const bp of item.prices ?? []) for (const st of bp.steps ?? []) if (st.price?.currency?.text) out.push(st.price.currency);
    } else if (item.kind === 'connectFee' && item.fee?.currency?.text) out.push(item.fee.currency);
    else if (item.kind === 'maximum' && item.amount?.currency?.text) out.push(item.amount.currency);
  }
  return out;
}

/** The currency a service is priced in (its first price), or undefined without prices. */
export function serviceCurrency(s: ServiceBlock): string | undefined {
  return priceCurrencies(s)[0]?.text;
}

/** The checks that need no file: fx lines, one currency per service, test `original`. */
export function checkFxLines(m: AgreementModel, sink: Sink): void {
  for (const f of m.fx) {
    const from = f.from?.text;
    const to = f.to?.text;
    if (from && !isFxCurrency(from)) {
      sink.report('ICX3003', `${from} is not an ISO 4217 currency code (nor SDR/XDR); write the code the prices are in, e.g. USD.`, f.from.range);
    }
    if (to && !isCurrency(to)) {
      sink.report('ICX3003', `${to} is not an active ISO 4217 currency code; an fx line converts into the agreement currency${m.currency ? ` ${m.currency}` : ''}.`, f.to.range);
    } else if (to && m.currency && to !== m.currency) {
      sink.report('ICX3601', `Amounts are settled in the agreement currency ${m.currency}, so an fx line converts into it: write \`fx ${from ?? '…'} -> ${m.currency}\`.`, f.to.range);
    }
    if (from && to && from === to) {
      sink.report('ICX3602', `${from} is the agreement currency already; an fx line converts another currency into it. Remove this line.`, f.from.range);
    }
    if (from && m.fxByFrom.get(from) !== f) {
      sink.report('ICX2601', `${from} already has an fx line; one line says how a currency is settled, keep one.`, f.from.range);
    }
  }
  const used = new Set<string>();
  for (const s of m.services) {
    // a currency that is neither the agreement's nor settled by an fx line is ICX3002/3003 already
    for (const c of priceCurrencies(s)) used.add(c.text);
    const codes = priceCurrencies(s).filter((c) => c.text === m.currency || settledByFx(m, c.text));
    const first = codes[0];
    for (const c of codes.slice(1)) {
      if (first && c.text !== first.text) {
        sink.report('ICX3603', `Service ${s.name?.text} is priced in ${first.text} (line ${first.range.start.line}); every price of one service is in one currency, so each record has one original amount. Write this in ${first.text} or move it to another service.`, c.range);
      }
    }
  }
  // Retail revenue (revenue shares, commissions on retail) may arrive in any currency: an fx
  // line converts it, so it is in use even when no price is written in that currency.
  const readsRetail = m.services.some((s) => (s.items ?? []).some((i) => i.kind === 'revenueShare' || i.kind === 'commission'));
  for (const f of m.fx) {
    const from = f.from?.text;
    if (from && m.fxByFrom.get(from) === f && !used.has(from) && !readsRetail && m.services.length > 0) {
      sink.report('ICX5603', `No service is priced in ${from}, so this fx line is never used; price a service in ${from} or remove it.`, f.from.range);
    }
  }
  for (const t of m.tests) {
    const e = t.expect;
    if (e?.kind !== 'amount' || !e.original?.currency?.text) continue;
    const svc = t.usage?.service?.text ? m.serviceByName.get(t.usage.service.text) : undefined;
    const want = svc ? (serviceCurrency(svc) ?? m.currency) : undefined;
    if (want && e.original.currency.text !== want) {
      sink.report('ICX3604', `Service ${svc!.name?.text} is priced in ${want}, so its original amount is in ${want}, not ${e.original.currency.text}.`, e.original.currency.range);
    }
  }
}

/**
 * Reads the table of every fx line (the first per source currency) through the host and
 * returns the lowered FxPlans by source currency. Table problems are reported with the
 * table's uri; a missing or refused file at the path in the agreement.
 */
export function checkFxTables(m: AgreementModel, sink: Sink, host: CompileHost): Map<string, FxPlan> {
  const out = new Map<string, FxPlan>();
  const tables = new Map<string, FxTable | undefined>();
  for (const [from, f] of m.fxByFrom) {
    const to = f.to?.text;
    if (!f.table) continue;
    const ref = resolveReference(m.uri, f.table.value);
    if ('error' in ref) {
      sink.report('ICX2602', `FX table: ${ref.error}.`, f.table.range);
      continue;
    }
    if (!tables.has(ref.uri)) {
      const text = host.readFile(ref.uri);
      const table = text === undefined ? undefined : readFxTable(text);
      tables.set(ref.uri, table);
      for (const p of table?.problems ?? []) sink.report(p.code, `${ref.uri}: ${p.message}`, p.range, ref.uri);
    }
    const table = tables.get(ref.uri);
    if (table === undefined) {
      sink.report('ICX2602', `FX table ${ref.uri} cannot be read (no such file under the agreements root).`, f.table.range);
      continue;
    }
    if (!to) continue;
    const rates = table.rows.filter((r) => r.from === from && r.to === to).map((r) => ({ date: r.date, rate: r.rate }));
    rates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    if (rates.length === 0) {
      sink.report('ICX5601', `${ref.uri} has no ${from}->${to} row, so every record priced in ${from} will go to suspense (no-fx-rate).`, f.table.range);
    } else {
      coverage(m, f, rates.map((r) => r.date), sink);
    }
    out.set(from, { from, to, rule: f.rule, table: ref.uri, source: at(m.uri, f.range), rates });
  }
  return out;
}

/**
 * A closed validity whose days (usage date) or month ends (period end) the table does not
 * all cover: those records will go to suspense. Said once, as a warning, with the count.
 */
function coverage(m: AgreementModel, f: FxDecl, dates: string[], sink: Sink): void {
  if (!m.validFrom || !m.validTo || m.validFrom > m.validTo) return;
  const have = new Set(dates);
  const needed: string[] = [];
  const d = new Date(`${m.validFrom}T00:00:00Z`);
  const end = new Date(`${m.validTo}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || Number.isNaN(end.getTime())) return;
  for (let n = 0; d <= end && n < 40_000; n++, d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    if (f.rule === 'usage-date') needed.push(day);
    else {
      const next = new Date(d.getTime() + 86_400_000);
      if (next.getUTCDate() === 1 || next > end) needed.push(lastDayOfMonth(day));
    }
  }
  const missing = [...new Set(needed)].filter((x) => !have.has(x));
  if (missing.length === 0) return;
  const what = f.rule === 'usage-date' ? 'days' : 'month ends';
  const shown = missing.slice(0, 3).join(', ') + (missing.length > 3 ? ', …' : '');
  sink.report('ICX5602', `The table has no ${f.from.text}->${f.to.text} rate for ${missing.length} of the ${new Set(needed).size} ${what} of the validity (${shown}); records rated on those dates will go to suspense (no-fx-rate).`, f.table.range);
}
