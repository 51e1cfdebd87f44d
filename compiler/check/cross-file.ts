// Checks across every agreement of a compile: ids are unique and a trunk selects one
// agreement on any date. Both places are reported (each citing the other) so that neither
// agreement yields a plan that would silently compete with the other at rating time.
import type { AgreementModel } from '../model.js';
import { at, type Sink } from '../sink.js';
import { checkOverlaps } from './overlaps.js';

export function checkAcrossAgreements(models: { model: AgreementModel; sink: Sink }[]): void {
  const byId = new Map<string, { model: AgreementModel; sink: Sink }[]>();
  for (const e of models) {
    const id = e.model.ast.id?.text;
    if (!id) continue;
    byId.set(id, [...(byId.get(id) ?? []), e]);
  }
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    for (const e of list) {
      const others = list.filter((o) => o !== e).map((o) => at(o.model.uri, o.model.ast.id.range));
      e.sink.report('ICX2006', `Agreement id ${id} is also used at ${others.join(', ')}; agreement ids must be unique, so rename one.`, e.model.ast.id.range);
    }
  }

  // A trunk (or a partner's service, for agreements without trunks) may pass from one
  // agreement to its successor; only overlapping validities are an error (overlaps.ts).
  checkOverlaps(models);
}
