// Traffic tests (`test "…" for AGREEMENT { … }`, usually in a *.test.icx file) in the editor: the
// outline and folding show them, and navigation and rename reach the names they use across files.
import { describe, expect, it } from 'vitest';
import { contextFor, cursor } from '../test-support/context.js';
import { expectDefinition, expectRename } from '../test-support/expect.js';
import { foldingRanges } from './folding.js';
import { rename } from './rename.js';
import { documentSymbols } from './symbols.js';

const agreement = `agreement A {
  zones {
    FR-MOBILE  33 6
  }
  service voice-out voice payable {
    rate FR-MOBILE 0.01 EUR/min
  }
}
`;
const trafficTest = `test "March" for A {
  traffic "march.csv"
  expect service voice-out zone FR-MOBILE 0.05 EUR
}
`;

describe('traffic tests in the outline and folding', () => {
  it('shows each traffic test, with its agreement, and folds it', () => {
    const symbols = documentSymbols(trafficTest, 'tests/march.test.icx');
    expect(symbols.map((s) => [s.name, s.detail, s.range.start.line, s.range.end.line])).toEqual([['test "March"', 'for A', 0, 3]]);
    // lines 0–3; the closing brace stays visible
    expect(foldingRanges(trafficTest, 'tests/march.test.icx')).toEqual([{ startLine: 0, endLine: 2 }]);
  });
});

describe('traffic tests in the symbol index', () => {
  it('renaming a zone in its agreement renames it in a traffic test of another file, and nothing else there', () => {
    const c = cursor(agreement.replace('    FR-MOBILE  33 6', '    FR-MO‸BILE  33 6'));
    const result = rename(contextFor(c.text, [{ uri: 'tests/march.test.icx', text: trafficTest }]), c.offset, 'FR-MOB');
    expect('edits' in result).toBe(true);
    if (!('edits' in result)) return;
    const inTest = result.edits.filter((e) => e.place.uri === 'tests/march.test.icx');
    let text = trafficTest;
    for (const e of [...inTest].sort((a, b) => b.place.start - a.place.start)) text = text.slice(0, e.place.start) + e.newText + text.slice(e.place.end);
    expect(text).toBe(trafficTest.replace('zone FR-MOBILE', 'zone FR-MOB'));
    // definition, rate line and the test: three places
    expect(result.edits).toHaveLength(3);
  });

  it('renaming a service from a traffic test renames its definition in the agreement', () => {
    expectRename(trafficTest.replace('service voice-out', 'service voice-o‸ut'), 'voice-term', trafficTest.replace('voice-out', 'voice-term'), {
      others: [{ uri: 'a.icx', text: agreement }],
    });
  });

  it('goes from the agreement id of a traffic test to the agreement', () => {
    expectDefinition(trafficTest.replace('for A {', 'for ‸A {'), {
      others: [{ uri: 'a.icx', text: agreement }],
      at: [{ uri: 'a.icx', text: agreement.replace('agreement A {', 'agreement ⟦A⟧ {') }],
    });
  });
});
