// Checks across every agreement of a compile: ids are unique and a trunk selects one
// agreement on any date. Both places are reported (each citing the other) so that neither
// agreement yields a plan that would silently compete with the other at rating time.
import type { AgreementModel } from '../model.js';
import { at, type Sink } from '../sink.js';
import { checkOverlaps } from './overlaps.js';

/** Other places named in a duplicate-id message. */
const SHOWN = 3;

export function checkAcrossAgreements(models: { model: AgreementModel; sink: Sink }[]): void {
  const byId = new Map<string, { model: AgreementModel; sink: Sink }[]>();
  for (const e of models) {
    const id = e.model.ast.id?.text;
    if (!id) continue;
    const list = byId.get(id);
    if (list) list.push(e);
    else byId.set(id, [e]);
  }
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    // At most a few places per message: a file pasted a thousand times must not cost a thousand
    // places in each of a thousand messages (quadratic; found by the fuzzer).
    const places = list.slice(0, SHOWN + 1).map((o) => at(o.model.uri, o.model.ast.id.range));
    for (const [i, e] of list.entries()) {
      const others = places.filter((_, j) => j !== i).slice(0, SHOWN);
      const more = list.length - 1 - others.length;
      e.sink.report('ICX2006', `Agreement id ${id} is also used at ${others.join(', ')}${more > 0 ? ` and ${more} more` : ''}; agreement ids must be unique, so rename one.`, e.model.ast.id.range);
    }
  }

  // A trunk (or a partner's service, for agreements without trunks) may pass from one
  // agreement to its successor; only overlapping validities are an error (overlaps.ts).
  checkOverlaps(models);
}
