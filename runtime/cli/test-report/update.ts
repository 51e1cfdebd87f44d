// `icx test --update`: after a deliberate change, rewrite the `expect` lines of failing tests to
// the values the rating run produced (like Catala's --reset, jest -u). Edits are made on the
// literals' AST ranges (amount, currency, zone, band, billed, original; a whole `expect` when it
// turns from an amount into suspense or back), so the rest of the line — comments included —
// is untouched; a file that was canonical is formatted again so it stays canonical. Whatever
// cannot be updated is listed with the reason, never skipped silently.
import { Decimal } from 'decimal.js';
import type { AgreementTestPlan, CompiledSet } from '../../../compiler/plan.js';
import { format, hasErrors, parse, type MoneyLit, type Range, type TestBlock, type TestExpect } from '../../../language/index.js';
import type { TestActual, TestResult } from '../../agreement-tests.js';
import type { PeriodActual } from '../../period/tests.js';
import { isTrafficResult, splitSource } from './model.js';
import { trim } from './trace.js';

export interface UpdatedLine {
  file: string;
  line: number;
  title: string;
  before: string;
  after: string;
}

export interface NotUpdated {
  file: string;
  line: number;
  title: string;
  why: string;
}

export interface UpdatePlan {
  /** new text per file uri (only files with a change) */
  texts: Map<string, string>;
  changed: UpdatedLine[];
  notUpdated: NotUpdated[];
}

interface Edit {
  range: Range;
  text: string;
}

/**
 * What --update would write. `files` gives the text of each uri; `display` its printable path.
 * Pure: the caller writes the files.
 */
export function planUpdate(
  results: readonly TestResult[], compiled: CompiledSet,
  files: ReadonlyMap<string, string>, display: (uri: string) => string,
): UpdatePlan {
  const edits = new Map<string, { edit: Edit; title: string }[]>();
  const notUpdated: NotUpdated[] = [];
  const parsed = new Map<string, ReturnType<typeof parse>>();
  results.forEach((r, i) => {
    if (r.passed) return;
    const { uri, line } = splitSource(r.source);
    const skip = (why: string) => notUpdated.push({ file: display(uri), line: line ?? 1, title: r.title, why });
    const text = files.get(uri);
    if (text === undefined || line === null) return skip('its file is not among the files given');
    if (!parsed.has(uri)) parsed.set(uri, parse(text, uri));
    if (isTrafficResult(r)) {
      const mine: Edit[] = [];
      const why = trafficEdit(parsed.get(uri)!, line, r, text, mine);
      if (why !== undefined) return skip(why);
      edits.set(uri, [...(edits.get(uri) ?? []), ...mine.map((edit) => ({ edit, title: r.title }))]);
      return;
    }
    const block = findTest(parsed.get(uri)!, r.agreementId, line);
    if (!block) return skip('its test block was not found in the file');
    const t = compiled.tests[i]!;
    const expects = block.expects ?? (block.expect ? [block.expect] : []);
    const mine: Edit[] = [];
    const problems: string[] = [];
    if (!r.actual) problems.push('its record came out neither rated nor in suspense');
    else if (t.period) periodEdits(t, expects, r.actual.period, text, mine, problems);
    else if (expects.length === 1) singleEdits(expects[0]!, r.actual, text, mine, problems);
    else problems.push('its expect line was not found');
    for (const p of problems) skip(p);
    if (mine.length) edits.set(uri, [...(edits.get(uri) ?? []), ...mine.map((edit) => ({ edit, title: r.title }))]);
  });

  const texts = new Map<string, string>();
  const changed: UpdatedLine[] = [];
  for (const [uri, es] of edits) {
    const before = files.get(uri)!;
    let after = applyEdits(before, es.map((e) => e.edit));
    // keep a canonical file canonical (the new literals may be longer or shorter)
    if (format(before, uri).text === before) after = format(after, uri).text ?? after;
    if (hasErrors(parse(after, uri).diagnostics)) {
      // a bug guard: an update must never leave an agreement that no longer parses
      for (const title of new Set(es.map((e) => e.title))) notUpdated.push({ file: display(uri), line: es[0]!.edit.range.start.line, title, why: 'the updated file would not parse; left unchanged' });
      continue;
    }
    const beforeLines = before.split('\n');
    const afterLines = after.split('\n');
    const seen = new Set<number>();
    for (const { edit, title } of es) {
      const ln = edit.range.start.line;
      if (seen.has(ln)) continue;
      seen.add(ln);
      changed.push({ file: display(uri), line: ln, title, before: beforeLines[ln - 1]!.trim(), after: (afterLines[ln - 1] ?? '').trim() });
    }
    texts.set(uri, after);
  }
  changed.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { texts, changed, notUpdated };
}

/** A traffic test's amount expectation (`expect … 0.05 EUR`, `expect charge …`) at `line`:
 *  its amount set to the actual total. Counts are left to the author (which of the three numbers
 *  changed is a judgement); returns why when nothing was edited. */
function trafficEdit(p: ReturnType<typeof parse>, line: number, r: TestResult, text: string, out: Edit[]): string | undefined {
  const e = (p.file.trafficTests ?? []).flatMap((t) => t.expects ?? []).find((x) => x.range.start.line === line);
  if (e === undefined) return 'its expect line was not found';
  if (e.kind !== 'amount' && e.kind !== 'charge') return 'record counts are not rewritten: check the sample traffic and change them by hand';
  if (r.actual?.amount == null || r.actual.currency == null) return 'no actual amount';
  money(e.amount, r.actual.amount, r.actual.currency, text, out);
  return undefined;
}

function findTest(p: ReturnType<typeof parse>, agreementId: string, line: number): TestBlock | undefined {
  for (const ag of p.file.agreements) {
    if (ag.id.text !== agreementId) continue;
    for (const item of ag.items) if (item.kind === 'test' && item.range.start.line === line) return item;
  }
  return undefined;
}

function singleEdits(e: TestExpect, a: TestActual, text: string, out: Edit[], problems: string[]): void {
  if (!a.rated) {
    if (e.kind === 'suspense') out.push({ range: e.reason.range, text: a.suspenseReason ?? '' });
    else if (e.kind === 'amount') out.push({ range: e.range, text: `expect suspense ${a.suspenseReason}` });
    else problems.push(`\`expect ${e.kind}\` needs a period test`);
    return;
  }
  if (e.kind === 'suspense') {
    out.push({ range: e.range, text: `expect ${amountText(a.amount!, '')} ${a.currency}` });
    return;
  }
  if (e.kind !== 'amount') {
    problems.push(`\`expect ${e.kind}\` needs a period test (add \`period YYYY-MM\`)`);
    return;
  }
  money(e.amount, a.amount!, a.currency!, text, out);
  if (e.original && a.originalAmount != null && a.originalCurrency != null) money(e.original, a.originalAmount, a.originalCurrency, text, out);
  if (e.zone && a.zone !== null && e.zone.text !== a.zone) out.push({ range: e.zone.range, text: a.zone });
  if (e.band && a.band !== null && e.band.text !== a.band) out.push({ range: e.band.range, text: a.band });
  if (e.billed && a.billedSeconds !== null && durationSeconds(e.billed.amount, e.billed.unit) !== a.billedSeconds) {
    out.push({ range: e.billed.range, text: `${a.billedSeconds}s` });
  }
}

function periodEdits(t: AgreementTestPlan, expects: TestExpect[], a: PeriodActual | undefined, text: string, out: Edit[], problems: string[]): void {
  if (!a) {
    problems.push('the period run produced no result');
    return;
  }
  const charges = a.charges.reduce((x, l) => x.plus(l.amount), new Decimal(0));
  t.period!.expects.forEach((pe, k) => {
    const e = expects[k];
    if (!e || e.kind !== pe.kind) {
      problems.push(`expectation ${k + 1} does not match the file (was it edited since?)`);
      return;
    }
    switch (e.kind) {
      case 'amount':
        if (a.rated !== a.records) problems.push(`line ${e.range.start.line}: ${a.records - a.rated} of ${a.records} records went to suspense (${a.suspenseReasons.join(', ')}); fix the usage or expect suspense by hand`);
        else money(e.amount, a.ratedAmount, a.currency ?? e.amount.currency.text, text, out);
        break;
      case 'charge': {
        const tier = e.tier ? Number(e.tier.value) : null;
        const match = a.charges.filter((l) => l.construct === e.construct.text && l.subject === e.subject.text && (tier === null || l.tier === tier));
        const sum = match.reduce((x, l) => x.plus(l.amount), new Decimal(0));
        money(e.amount, sum.toFixed(), match[0]?.currency ?? e.amount.currency.text, text, out);
        break;
      }
      case 'total':
        money(e.amount, new Decimal(a.ratedAmount).plus(charges).toFixed(), a.currency ?? e.amount.currency.text, text, out);
        break;
      case 'suspense': {
        const reasons = [...new Set(a.suspenseReasons)];
        if (a.rated === 0 && reasons.length === 1) {
          if (reasons[0] !== e.reason.text) out.push({ range: e.reason.range, text: reasons[0]! });
        } else if (a.rated > 0 || reasons.length > 1) {
          problems.push(`line ${e.range.start.line}: not every record went to one suspense reason (rated ${a.rated}, suspense ${reasons.join(', ') || 'none'})`);
        }
        break;
      }
    }
  });
}

/** Rewrites a money literal when its value or currency differs. */
function money(lit: MoneyLit, actual: string, currency: string, text: string, out: Edit[]): void {
  const old = lit.amount.value;
  if (!new Decimal(old).eq(actual)) out.push({ range: lit.amount.range, text: amountText(actual, text.slice(lit.amount.range.start.offset, lit.amount.range.end.offset)) });
  if (lit.currency.text !== currency) out.push({ range: lit.currency.range, text: currency });
}

/** The actual amount, with at least as many decimals as the old literal had (0.0123 → 0.0246, 4800.00 → 4600.00). */
function amountText(actual: string, oldText: string): string {
  const v = trim(new Decimal(actual).toFixed());
  const oldDecimals = (oldText.split('.')[1] ?? '').replace(/_/g, '').length;
  const decimals = (v.split('.')[1] ?? '').length;
  return decimals >= oldDecimals ? v : new Decimal(v).toFixed(oldDecimals);
}

function durationSeconds(amount: string, unit: string): number {
  const f = { ms: 0.001, s: 1, min: 60, h: 3600 }[unit] ?? 1;
  return Number(new Decimal(amount).times(f).toFixed());
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset)) {
    out = out.slice(0, e.range.start.offset) + e.text + out.slice(e.range.end.offset);
  }
  return out;
}
