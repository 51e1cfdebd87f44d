// The resolved view of one agreement: its items sorted by kind, and name tables.
// The first definition of a name wins; later ones are reported as duplicates by
// check/names.ts and ignored everywhere else, so one mistake yields one diagnostic.
import type {
  Agreement,
  BandDef,
  CurrencyDecl,
  FxDecl,
  HolidaysBlock,
  InterconnectBlock,
  PartiesBlock,
  Party,
  ServiceBlock,
  TestBlock,
  TimebandsBlock,
  TimezoneDecl,
  ValidDecl,
  VersionDecl,
  ZoneDef,
} from '../language/ast.js';

/** The built-in catch-all zone: empty prefix, matches every number. */
export const ANY_ZONE = 'any';
/** The single band of an agreement without time bands. */
export const ANY_BAND = 'any';

export interface AgreementModel {
  uri: string;
  ast: Agreement;
  versions: VersionDecl[];
  partiesBlocks: PartiesBlock[];
  currencies: CurrencyDecl[];
  valids: ValidDecl[];
  timezones: TimezoneDecl[];
  interconnects: InterconnectBlock[];
  holidays: HolidaysBlock[];
  timebands: TimebandsBlock[];
  zones: ZoneDef[];
  services: ServiceBlock[];
  tests: TestBlock[];
  us: Party[];
  partner: Party[];
  zoneByName: Map<string, ZoneDef>;
  bandByName: Map<string, BandDef>;
  serviceByName: Map<string, ServiceBlock>;
  holidayByName: Map<string, HolidaysBlock>;
  /** band names in declaration order; [ANY_BAND] without a timebands block */
  bandNames: string[];
  /** the agreement currency as written, if declared */
  currency: string | undefined;
  /** validity as written, if declared */
  validFrom: string | undefined;
  validTo: string | undefined;
  /** `us` and `partner` with their declarations merged in (set by check/parties.ts) */
  resolvedParties?: { us?: ResolvedParty; partner?: ResolvedParty };
  /** fx lines in source order; fxByFrom: the first line for each source currency */
  fx: FxDecl[];
  fxByFrom: Map<string, FxDecl>;
}

/** A party's details: its declaration's, completed by what the agreement states inline. */
export interface ResolvedParty {
  name: string;
  legalName: string | null;
  tadigCodes: string[];
  carrierCodes: string[];
  vat: string | null;
  address: string | null;
  type: string | null;
  /** true when a top-level declaration gives the details (its codes then select agreements) */
  declared: boolean;
}

function firstByName<T>(items: T[], name: (t: T) => string | undefined): Map<string, T> {
  const m = new Map<string, T>();
  for (const it of items) {
    const n = name(it);
    if (n !== undefined && !m.has(n)) m.set(n, it);
  }
  return m;
}

export function buildModel(uri: string, ast: Agreement): AgreementModel {
  const items = ast.items ?? [];
  const of = <K extends Agreement['items'][number]['kind']>(k: K) =>
    items.filter((i) => i?.kind === k) as Extract<Agreement['items'][number], { kind: K }>[];
  const partiesBlocks = of('parties');
  const parties = partiesBlocks.flatMap((p) => p.parties ?? []);
  const timebands = of('timebands');
  const bands = timebands[0]?.bands ?? [];
  const zones = of('zones').flatMap((z) => z.zones ?? []);
  const currencies = of('currency');
  const valids = of('valid');
  return {
    uri,
    ast,
    versions: of('version'),
    partiesBlocks,
    currencies,
    valids,
    timezones: of('timezone'),
    interconnects: of('interconnect'),
    holidays: of('holidays'),
    timebands,
    zones,
    services: of('service'),
    tests: of('test'),
    us: parties.filter((p) => p.role === 'us'),
    partner: parties.filter((p) => p.role === 'partner'),
    zoneByName: firstByName(zones, (z) => z.name?.text),
    bandByName: firstByName(bands, (b) => b.name?.text),
    serviceByName: firstByName(of('service'), (s) => s.name?.text),
    holidayByName: firstByName(of('holidays'), (h) => h.name?.text),
    bandNames: timebands.length === 0 ? [ANY_BAND] : [...firstByName(bands, (b) => b.name?.text).keys()],
    currency: currencies[0]?.code?.text,
    validFrom: valids[0]?.from?.text,
    validTo: valids[0]?.to?.text,
    fx: of('fx'),
    fxByFrom: firstByName(of('fx'), (f) => f.from?.text),
  };
}
