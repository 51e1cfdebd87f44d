// Checks across every agreement of a compile: ids are unique and a trunk selects one
// agreement. Both places are reported (each citing the other) so that neither agreement
// yields a plan that would silently compete with the other at rating time.
import type { Name } from '../../language/ast.js';
import type { AgreementModel } from '../model.js';
import { at, type Sink } from '../sink.js';

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

  const byTrunk = new Map<string, { e: { model: AgreementModel; sink: Sink }; name: Name }[]>();
  for (const e of models) {
    const seenHere = new Set<string>();
    for (const t of e.model.interconnects.flatMap((i) => i.trunks ?? [])) {
      if (!t?.text || seenHere.has(t.text)) continue; // repeats inside one agreement: names.ts
      seenHere.add(t.text);
      byTrunk.set(t.text, [...(byTrunk.get(t.text) ?? []), { e, name: t }]);
    }
  }
  for (const [trunk, list] of byTrunk) {
    if (list.length < 2) continue;
    for (const x of list) {
      const others = list.filter((o) => o !== x).map((o) => `${o.e.model.ast.id?.text} (${at(o.e.model.uri, o.name.range)})`);
      x.e.sink.report(
        'ICX2007',
        `Trunk ${trunk} is also carried by agreement ${others.join(', ')}; a trunk selects one agreement, so list it in only one.`,
        x.name.range,
      );
    }
  }
}
