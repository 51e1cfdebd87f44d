import { describe, expect, it } from 'vitest';
import { marked, showRange } from './test-support/marked.js';

describe('marked sources', () => {
  it('strips markers and returns ranges on the stripped text, nested in `⟦` order', () => {
    const m = marked('a ⟦bc⟧\n⟦d ⟦e⟧⟧⟦⟧');
    expect(m.text).toBe('a bc\nd e');
    expect(m.ranges.map(showRange)).toEqual(['1:3-1:5', '2:1-2:4', '2:3-2:4', '2:4-2:4']);
    expect(m.ranges[0]!.start.offset).toBe(2);
  });

  it('rejects unbalanced markers', () => {
    expect(() => marked('⟦a')).toThrow();
    expect(() => marked('a⟧')).toThrow();
  });
});
