// The compiler's entry point: agreement texts in, checked and hashed rating plans out.
// No I/O: callers (CLI, tests, language server) hand over the file texts.
import type { Diagnostic } from '../language/diagnostic.js';
import { parse, type ParseResult } from '../language/index.js';
import { checkAcrossAgreements } from './check/cross-file.js';
import { checkDates } from './check/dates.js';
import { checkFxLines, checkFxTables } from './check/fx.js';
import { checkDigital } from './check/digital.js';
import { checkNames } from './check/names.js';
import { checkRates } from './check/rates.js';
import { checkTests } from './check/tests.js';
import { checkParties, type DeclaredParty } from './check/parties.js';
import { checkSettlement } from './check/settlement.js';
import { checkSettlementCurrency } from './check/settlement-currency.js';
import { checkPeriod } from './check/period.js';
import { buildBandGrid } from './check/time-bands.js';
import { checkUnits } from './check/units.js';
import { checkZones } from './check/zones.js';
import { checkDecks } from './deck/check.js';
import { DeckLoader } from './deck/load.js';
import { checkUnitPricing } from './check/unit-pricing.js';
import { hashPlan } from './hash.js';
import { NO_FILES, type CompileHost } from './host.js';
import { lowerAgreement, lowerTests } from './lower/agreement.js';
import { withFx } from './lower/fx.js';
import { buildModel, type AgreementModel } from './model.js';
import type { AgreementTestPlan, CompiledSet, FxPlan, HashedAgreementPlan } from './plan.js';
import { Sink } from './sink.js';
import { checkTrafficTests, type KnownAgreement, type TrafficTestSource } from './check/traffic-tests.js';
import { coverageItems } from './lower/coverage.js';
import type { AgreementPlan, CoverageItemPlan, SettlementCurrencyPlan } from './plan.js';

export { canonicalJson, hashPlan } from './hash.js';
export { NO_FILES, resolveReference, type CompileHost } from './host.js';
export { isTimeZone } from './check/dates.js';
// Value lists, for editors (completion) and docs.
export { ISO_4217_ACTIVE } from './check/currencies.js';
export { PARTNER_TYPES } from './check/units.js';
export { SUSPENSE_REASONS } from './check/tests.js';
export type * from './plan.js';
export { PLAN_FORMAT_VERSION } from './plan.js';

export { PERIOD_UNITS, TIER_STYLES } from './lower/period.js';
export { CHARGE_CONSTRUCTS } from './check/period.js';

export interface SourceFile {
  /** relative to the agreements root; used in diagnostics and plan sources */
  uri: string;
  text: string;
}

export interface CompileResult {
  compiled: CompiledSet;
  diagnostics: Diagnostic[];
}

/** Every semantic check of one agreement, in a fixed order (diagnostic order is stable). */
export function checkAgreement(m: AgreementModel, sink: Sink): void {
  checkNames(m, sink);
  checkUnits(m, sink);
  checkDates(m, sink);
  buildBandGrid(m, sink);
  checkZones(m, sink);
  checkRates(m, sink);
  checkTests(m, sink);
  checkSettlement(m, sink);
  checkFxLines(m, sink);
  checkDecks(m, sink);
  checkUnitPricing(m, sink);
  checkPeriod(m, sink);
  checkDigital(m, sink);
}

/**
 * Parses, checks and lowers every agreement of every file. Never throws: a failure inside
 * a check is itself reported as a diagnostic. Plans are produced only for agreements with
 * no errors, in a file with no syntax errors (a recovered parse may have dropped a line).
 */
export interface CompileOptions {
  /** How to parse a file: the language server passes an incremental parser that reuses the
   *  previous parse of a document (language/incremental.ts); the default parses from scratch. */
  parse?: (text: string, uri: string) => ParseResult;
  /** Checks only: no lowering, no plans, no hashes. For the language server, which publishes
   *  diagnostics after every edit and reads no plan; lowering reports nothing on an agreement
   *  that checked clean (a failure there would be a compiler bug, which `icx check` shows). */
  diagnosticsOnly?: boolean;
}

export function compile(files: SourceFile[], host: CompileHost = NO_FILES, options: CompileOptions = {}): CompileResult {
  const parseFile = options.parse ?? parse;
  const diagnostics: Diagnostic[] = [];
  const partyDecls: DeclaredParty[] = [];
  const entries: { model: AgreementModel; sink: Sink; fileOk: boolean; fx: Map<string, FxPlan>; settle?: SettlementCurrencyPlan | undefined }[] = [];
  const syntaxErrorLines = new Set<string>();
  const decks = new DeckLoader(host);
  const trafficTests: TrafficTestSource[] = [];
  const lowered = new Map<AgreementModel, AgreementPlan>();
  for (const f of files) {
    const fileSink = new Sink(f.uri);
    let parsed: ReturnType<typeof parse> | undefined;
    guard(fileSink, f.uri, () => {
      parsed = parseFile(f.text, f.uri);
    });
    if (!parsed) {
      diagnostics.push(...fileSink.diagnostics);
      continue;
    }
    diagnostics.push(...parsed.diagnostics, ...fileSink.diagnostics);
    for (const d of parsed.diagnostics) if (d.severity === 'error') syntaxErrorLines.add(`${f.uri}:${d.range.start.line}`);
    const fileOk = !parsed.diagnostics.some((d) => d.severity === 'error');
    for (const decl of parsed.file.partyDecls ?? []) partyDecls.push({ uri: f.uri, decl });
    for (const test of parsed.file.trafficTests ?? []) trafficTests.push({ uri: f.uri, test });
    for (const a of parsed.file.agreements ?? []) {
      const sink = new Sink(f.uri);
      const model = buildModel(f.uri, a);
      guard(sink, f.uri, () => {
        decks.load(model, sink);
        checkAgreement(model, sink);
      });
      // FX tables are files: read through the host, their rates embedded in the plan
      let fx = new Map<string, FxPlan>();
      guard(sink, f.uri, () => {
        fx = checkFxTables(model, sink, host);
      });
      // the settlement currency's FX table, read the same way (check/settlement-currency.ts)
      let settle: SettlementCurrencyPlan | undefined;
      guard(sink, f.uri, () => {
        settle = checkSettlementCurrency(model, sink, host);
      });
      entries.push({ model, sink, fileOk, fx, settle });
    }
  }
  const crossSink = new Sink('');
  let parties: CompiledSet['parties'];
  guard(crossSink, '', () => {
    parties = checkParties(partyDecls, entries, crossSink);
  });
  guard(crossSink, '', () => checkAcrossAgreements(entries));
  diagnostics.push(...crossSink.diagnostics);

  const plans: HashedAgreementPlan[] = [];
  const tests: AgreementTestPlan[] = [];
  for (const e of entries) {
    diagnostics.push(...withoutCascades(e.sink.diagnostics, syntaxErrorLines));
    if (!e.fileOk || e.sink.hasErrors() || options.diagnosticsOnly) continue;
    const reported = e.sink.diagnostics.length;
    guard(e.sink, e.model.uri, () => {
      const plan = withFx(lowerAgreement(e.model), e.model, e.fx);
      if (e.settle && plan.settlement) plan.settlement = { ...plan.settlement, currency: e.settle };
      plans.push({ plan, hash: hashPlan(plan) });
      lowered.set(e.model, plan);
      tests.push(...lowerTests(e.model));
    });
    // A lowering failure lands in e.sink after its diagnostics were copied: copy it too.
    diagnostics.push(...e.sink.diagnostics.slice(reported));
  }
  // Plans in id order so the compiled set does not depend on the order files were handed in.
  plans.sort((a, b) => (a.plan.id < b.plan.id ? -1 : a.plan.id > b.plan.id ? 1 : 0));
  // Traffic tests name agreements of any file: checked once every agreement is lowered.
  const known = new Map<string, KnownAgreement>();
  for (const e of entries) {
    const plan = lowered.get(e.model);
    if (!known.has(e.model.ast.id.text)) known.set(e.model.ast.id.text, { model: e.model, ...(plan ? { plan } : {}) });
  }
  let traffic: ReturnType<typeof checkTrafficTests> = { plans: [], sinks: [] };
  const coverage: CoverageItemPlan[] = [];
  const lateSink = new Sink('');
  guard(lateSink, '', () => {
    traffic = checkTrafficTests(trafficTests, known, host);
    for (const [model, plan] of lowered) coverage.push(...coverageItems(model, plan));
  });
  for (const sink of traffic.sinks) diagnostics.push(...withoutCascades(sink.diagnostics, syntaxErrorLines));
  diagnostics.push(...lateSink.diagnostics);
  return {
    compiled: {
      plans, tests, ...(parties !== undefined ? { parties } : {}),
      ...(traffic.plans.length > 0 ? { trafficTests: traffic.plans } : {}), ...(lowered.size > 0 ? { coverage } : {}),
    },
    diagnostics: inReadingOrder(diagnostics, files),
  };
}

/**
 * A line the parser had to recover on is read only partly, so what the checks say about it
 * (an empty increment, a stray name taken for a zone) is noise: the syntax error stands alone.
 */
function withoutCascades(ds: Diagnostic[], syntaxErrorLines: Set<string>): Diagnostic[] {
  return ds.filter((d) => !syntaxErrorLines.has(`${d.uri}:${d.range.start.line}`));
}

/** Diagnostics file by file (in the order given), then by position: how a reader walks the text. */
function inReadingOrder(ds: Diagnostic[], files: SourceFile[]): Diagnostic[] {
  const fileIndex = new Map<string, number>();
  files.forEach((f, i) => {
    if (!fileIndex.has(f.uri)) fileIndex.set(f.uri, i);
  });
  return ds
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        (fileIndex.get(a.d.uri) ?? files.length) - (fileIndex.get(b.d.uri) ?? files.length) ||
        a.d.range.start.offset - b.d.range.start.offset ||
        a.i - b.i,
    )
    .map((x) => x.d);
}

/**
 * Runs `fn`; an unexpected exception becomes an `internal-error` diagnostic instead of
 * escaping (a compiler bug must not become a stack trace for the user).
 */
function guard(sink: Sink, uri: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    const zero = { offset: 0, line: 1, column: 1 };
    sink.diagnostics.push({
      code: 'internal-error',
      severity: 'error',
      message: `Internal compiler error (please report it): ${err instanceof Error ? err.message : String(err)}`,
      uri,
      range: { start: zero, end: zero },
    });
  }
}
