// `icx diff`, the pure part: two compiled versions of a set of agreements in, their
// commercial differences out (compiler/diff/README.md). Agreements are matched by id.
// No I/O; the CLI builds the sides (files, directories or git revisions) with compileSide.
import type { AgreementPlan } from '../plan.js';
import { diffAgreement } from './agreement.js';
import { cmp, priceDirection } from './prices.js';
import type { DiffSide } from './side.js';
import type { AgreementHeader, Change, DiffReport } from './types.js';

export { compileSide, type CompiledSide, type DiffSide, type ServiceDeckInfo } from './side.js';
export type * from './types.js';
export { OP_MARK } from './types.js';
export { priceDirection } from './prices.js';
export { dayBefore } from './timeline.js';
export { diffAgreement } from './agreement.js';

export interface DiffOptions {
  /** the date the change is communicated, for notice periods (YYYY-MM-DD); default: the deck's issue date */
  asOf?: string;
}

export function diffSides(oldSide: DiffSide, newSide: DiffSide, options: DiffOptions = {}): DiffReport {
  const byId = (ps: AgreementPlan[]) => new Map(ps.map((p) => [p.id, p]));
  const o = byId(oldSide.plans);
  const n = byId(newSide.plans);
  const agreements: AgreementHeader[] = [];
  const changes: Change[] = [];
  for (const id of [...new Set([...o.keys(), ...n.keys()])].sort(cmp)) {
    const a = o.get(id);
    const b = n.get(id);
    const status = !a ? 'added' : !b ? 'removed' : 'changed';
    const header: AgreementHeader = {
      id, status, oldUri: a?.uri ?? null, newUri: b?.uri ?? null, oldVersion: a?.version ?? null, newVersion: b?.version ?? null,
      partner: (b ?? a)!.partner.name,
    };
    if (!a || !b) {
      const p = (a ?? b)!;
      agreements.push(header);
      const services = p.services.map((s) => s.name).join(', ') || 'no services';
      changes.push({
        agreement: id, service: null, kind: 'agreement', op: a ? 'removed' : 'added', subject: `agreement ${id}`,
        old: a ? `v${a.version}` : null, new: b ? `v${b.version}` : null,
        text: `agreement ${id} with ${p.partner.name}, ${p.validFrom}..${p.validTo ?? 'open'} (${services})`,
      });
      continue;
    }
    const cs = diffAgreement(oldSide, newSide, a, b, options.asOf ?? null);
    if (cs.length === 0) continue;
    agreements.push(header);
    changes.push(...cs);
  }
  const violations = changes.filter((c) => c.op === 'violation').length;
  return {
    agreements,
    changes,
    summary: {
      agreementsAdded: agreements.filter((a) => a.status === 'added').length,
      agreementsRemoved: agreements.filter((a) => a.status === 'removed').length,
      agreementsChanged: agreements.filter((a) => a.status === 'changed').length,
      changes: changes.length - violations,
      pricesUp: changes.filter((c) => priceDirection(c) === 'up').length,
      pricesDown: changes.filter((c) => priceDirection(c) === 'down').length,
      noticeViolations: violations,
    },
  };
}
