// Resolution by date: a trunk, or a partner's service (kind and direction) for agreements found
// by partner code, may belong to several agreements, one after the other. The rating engine
// takes the agreement in force on the record's local date (compiler/sql/rating-ctx-sql.ts);
// two agreements in force on the same date would compete, so overlapping validities are an
// error reported at both agreements' `valid` lines, each citing the other.
//
// Dates are compared as written (local dates, each in its agreement's own time zone): two
// agreements of one trunk are expected to share a zone, and a successor starting the day
// after its predecessor ends never overlaps.
import type { AgreementModel } from '../model.js';
import { at, type Sink } from '../sink.js';

interface Entry {
  model: AgreementModel;
  sink: Sink;
}

const OPEN_END = '9999-12-31';

function overlaps(a: AgreementModel, b: AgreementModel): boolean {
  if (!a.validFrom || !b.validFrom) return false; // a missing validity is reported by names.ts
  return a.validFrom <= (b.validTo ?? OPEN_END) && b.validFrom <= (a.validTo ?? OPEN_END);
}

function validity(m: AgreementModel): string {
  return `${m.validFrom} .. ${m.validTo ?? ''}`.trimEnd();
}

/**
 * Usage without a trunk finds its agreement by partner code (usage field `partner`): among
 * the agreements that have no trunks and whose partner is declared (`partner NAME { ... }`),
 * since a declaration is what makes the partner's codes known and unique across the set.
 */
export function isFoundByPartner(m: AgreementModel): boolean {
  return m.resolvedParties?.partner?.declared === true && m.interconnects.every((i) => (i.trunks ?? []).length === 0);
}

export function checkOverlaps(entries: Entry[]): void {
  // key → agreements that claim it
  const claims = new Map<string, { what: string; list: Entry[] }>();
  const claim = (key: string, what: string, e: Entry) => {
    const c = claims.get(key) ?? claims.set(key, { what, list: [] }).get(key)!;
    // entries claim in order: a repeat can only be the last one (no scan of the list)
    if (c.list[c.list.length - 1] !== e) c.list.push(e);
  };
  // an entry's position, without a scan of the list per pair (cubic on many agreements of one trunk)
  const indexOf = new Map(entries.map((e, i) => [e, i]));
  for (const e of entries) {
    for (const t of e.model.interconnects.flatMap((i) => i.trunks ?? [])) {
      if (t?.text) claim(`trunk ${t.text}`, `trunk ${t.text}`, e);
    }
    const partner = e.model.partner[0]?.name?.text;
    if (partner && isFoundByPartner(e.model)) {
      for (const s of e.model.services) {
        const kind = s.serviceKind?.text;
        const dir = s.direction?.text;
        if (kind && dir) claim(`partner ${partner} ${kind} ${dir}`, `partner ${partner}'s ${kind} ${dir} service`, e);
      }
    }
  }
  // One diagnostic per agreement and per other agreement, listing what they share.
  const reported = new Map<string, { a: Entry; b: Entry; what: string[]; code: 'ICX2007' | 'ICX4201' }>();
  for (const [key, { what, list }] of claims) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (!overlaps(a.model, b.model)) continue;
        const pairKey = `${indexOf.get(a)}/${indexOf.get(b)}/${key.startsWith('trunk') ? 't' : 'p'}`;
        const r = reported.get(pairKey) ?? reported.set(pairKey, { a, b, what: [], code: key.startsWith('trunk') ? 'ICX2007' : 'ICX4201' }).get(pairKey)!;
        r.what.push(what);
      }
    }
  }
  for (const { a, b, what, code } of reported.values()) {
    for (const [self, other] of [[a, b], [b, a]] as const) {
      const valid = self.model.valids[0];
      if (valid === undefined) continue;
      const shared = what.join(', ');
      const why =
        code === 'ICX2007'
          ? 'a trunk selects the one agreement in force on the date of a call'
          : 'usage found by partner code selects the one agreement in force on its date';
      self.sink.report(
        code,
        `${self.model.ast.id?.text} (valid ${validity(self.model)}) and ${other.model.ast.id?.text} ` +
          `(valid ${validity(other.model)}, ${at(other.model.uri, other.model.valids[0]!.range)}) both have ${shared}; ` +
          `${why}, so their validities must not overlap: end one before the other starts.`,
        valid.range,
      );
    }
  }
}
