// What a record is mapped to before it is priced: holiday calendars and time bands (by its start
// time) and zones (by its numbers). Re-exported by ast.ts.
import type { DateLit, Name, Node, PrefixLit, TimeRangeLit } from './ast.js';

export interface HolidaysBlock extends Node {
  kind: 'holidays';
  name: Name;
  dates: DateLit[];
}

export interface TimebandsBlock extends Node {
  kind: 'timebands';
  bands: BandDef[];
}

export interface BandDef extends Node {
  name: Name;
  /** `otherwise`: every moment no other band covers */
  otherwise: boolean;
  /** day specs as written: mon, mon-fri, sat-sun */
  days: Name[];
  /** time ranges as written, e.g. 08:00-20:00; none = the whole day */
  times: TimeRangeLit[];
  /** `except holidays FR` */
  exceptHolidays?: Name;
  /** `name holidays FR`: the whole of those days */
  onHolidays?: Name;
}

export interface ZonesBlock extends Node {
  kind: 'zones';
  zones: ZoneDef[];
}

export interface ZoneDef extends Node {
  name: Name;
  prefixes: PrefixLit[];
}
