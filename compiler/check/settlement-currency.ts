// The settlement currency (`settlement { currency USD from table "fx/ecb-2026.csv" }`): the
// currency a netted balance is paid in, and the FX table that converts the agreement's documents
// into it. Read through the host like the fx lines' tables; the rates of the one pair needed
// (agreement currency -> settlement currency) are embedded in the plan, so a bill run converts
// with exactly what was checked. Which row is used (the period's last day) is runtime's rule
// (runtime/billing/settlement.ts); a month end the table lacks is warned about here.
import type { SettlementBlock, SettlementItem } from '../../language/ast.js';
import { readFxTable } from '../fx-table.js';
import { resolveReference, type CompileHost } from '../host.js';
import type { AgreementModel } from '../model.js';
import type { SettlementCurrencyPlan } from '../plan.js';
import { at, type Sink } from '../sink.js';
import { lastDayOfMonth } from '../values.js';
import { isCurrency } from './currencies.js';
import { settlementBlocks } from './settlement.js';

type CurrencyItem = Extract<SettlementItem, { kind: 'currency' }>;

function currencyItem(block: SettlementBlock | undefined): CurrencyItem | undefined {
  return (block?.items ?? []).find((i): i is CurrencyItem => i?.kind === 'currency');
}

/**
 * Checks the first settlement block's `currency` line (a second one is ICX3006 already) and
 * returns what the plan records, or undefined when the line is absent or wrong.
 */
export function checkSettlementCurrency(m: AgreementModel, sink: Sink, host: CompileHost): SettlementCurrencyPlan | undefined {
  const block = settlementBlocks(m)[0];
  const item = currencyItem(block);
  const code = item?.currency?.text;
  if (!item || !code) return undefined;
  const netting = (block?.items ?? []).find((i) => i?.kind === 'netting');
  if (netting?.kind !== 'netting' || netting.mode?.text !== 'bilateral') {
    sink.report('ICX2905', `Only a netted balance is paid in the settlement currency, and this agreement does not net (\`netting bilateral\`): its invoices are paid gross in ${m.currency ?? 'the agreement currency'}. Add \`netting bilateral\` or remove this line.`, item.currency.range);
  }
  if (!isCurrency(code)) {
    sink.report('ICX3003', `${code} is not an active ISO 4217 currency code; write the currency the balance is paid in, e.g. EUR, USD or GBP.`, item.currency.range);
    return undefined;
  }
  const own = m.currency;
  if (!own || !isCurrency(own)) return undefined;
  const source = at(m.uri, item.range);
  if (code === own) {
    if (item.table) {
      sink.report('ICX2903', `The agreement is in ${own} already, so its documents settle in ${own} without conversion; remove \`from table\`.`, item.table.range);
    }
    return { code, from: own, table: null, source, rates: [] };
  }
  if (!item.table) {
    sink.report('ICX2901', `The documents are in ${own} and are paid in ${code}: say which FX table converts them, e.g. \`currency ${code} from table "fx/<table>.csv"\` (no rate is ever assumed).`, item.currency.range);
    return undefined;
  }
  const ref = resolveReference(m.uri, item.table.value);
  if ('error' in ref) {
    sink.report('ICX2602', `FX table: ${ref.error}.`, item.table.range);
    return undefined;
  }
  const text = host.readFile(ref.uri);
  if (text === undefined) {
    sink.report('ICX2602', `FX table ${ref.uri} cannot be read (no such file under the agreements root).`, item.table.range);
    return undefined;
  }
  const table = readFxTable(text);
  for (const p of table.problems) sink.report(p.code, `${ref.uri}: ${p.message}`, p.range, ref.uri);
  const rates = table.rows.filter((r) => r.from === own && r.to === code).map((r) => ({ date: r.date, rate: r.rate }));
  rates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (rates.length === 0) {
    sink.report('ICX2902', `${ref.uri} has no ${own}->${code} row, so no netted balance of this agreement can be converted to ${code}; add the rows (date,from,to,rate = 1 ${own} in ${code}).`, item.table.range);
    return undefined;
  }
  monthEnds(m, item, rates.map((r) => r.date), own, code, sink);
  return { code, from: own, table: ref.uri, source, rates };
}

/** A closed validity whose month ends the table does not all cover: those months cannot be netted. */
function monthEnds(m: AgreementModel, item: CurrencyItem, dates: string[], from: string, to: string, sink: Sink): void {
  if (!m.validFrom || !m.validTo || m.validFrom > m.validTo || !/^\d{4}-\d{2}-\d{2}$/.test(m.validFrom)) return;
  const have = new Set(dates);
  const needed: string[] = [];
  for (let month = m.validFrom.slice(0, 7), n = 0; month <= m.validTo.slice(0, 7) && n < 1200; n++) {
    needed.push(lastDayOfMonth(`${month}-01`));
    const [y, mo] = month.split('-').map(Number) as [number, number];
    month = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  const missing = needed.filter((d) => !have.has(d));
  if (missing.length === 0) return;
  const shown = missing.slice(0, 3).join(', ') + (missing.length > 3 ? ', …' : '');
  sink.report('ICX2904', `The table has no ${from}->${to} rate for ${missing.length} of the ${needed.length} month ends of the validity (${shown}); a bill run of those months cannot net in ${to} and stops with an error.`, item.table!.range);
}
