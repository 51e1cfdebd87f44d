// Completion and rename in the blocks the first specs do not cover.
import { describe, it } from 'vitest';
import { expectCompletion, expectReferences, expectRename } from '../test-support/expect.js';

const decls = { uri: 'partners.icx', text: 'partner STREAMCO "StreamCo" {\n  type content\n}\n\nentity ACME "ACME" {\n}\n' };

describe('completion in other blocks', () => {
  it('offers top-level declarations at the start of a file', () => {
    expectCompletion('‸', { exactly: ['agreement', 'partner', 'entity'] });
  });
  it('offers the facts of a partner declaration', () => {
    expectCompletion('partner X "X SA" {\n  ‸\n}\n', { exactly: ['type', 'tadig', 'carrier', 'vat', 'address'] });
  });
  it('offers tier lines in a discount and parties or shortfall in a commitment', () => {
    expectCompletion('agreement A {\n  discount on s {\n    ‸\n  }\n}\n', { exactly: ['per', 'tier'] });
    expectCompletion('agreement A {\n  commitment on s {\n    ‸\n  }\n}\n', { includes: ['ACME', 'STREAMCO', 'shortfall'], others: [decls] });
    expectCompletion('agreement A {\n  commitment on s {\n    ACME ‸\n  }\n}\n', { exactly: ['commits'], others: [decls] });
  });
  it('offers settlement terms, test lines, and the words of a fixed phrase', () => {
    expectCompletion('agreement A {\n  settlement {\n    ‸\n  }\n}\n', { exactly: ['invoicing', 'netting', 'dispute', 'currency'] });
    expectCompletion('agreement A {\n  test "t" {\n    ‸\n  }\n}\n', { exactly: ['period', 'usage', 'kpi', 'retail', 'expect'] });
    expectCompletion('agreement A {\n  service s voice payable {\n    calls across a band boundary are ‸', { exactly: ['rated', 'split'] });
    expectCompletion('agreement A {\n  service s voice payable {\n    zero duration calls ‸', { exactly: ['are', 'charged', 'free'] });
    expectCompletion('agreement A {\n  service s voice payable {\n    rounding ‸', { exactly: ['half-up', 'half-even', 'up', 'down'] });
  });
  it('offers partners and entities after `to` in a revenue share', () => {
    expectCompletion('agreement A {\n  service s event payable {\n    revenue share 70% of net retail to ‸', { includes: ['STREAMCO', 'ACME'], others: [decls] });
  });
  it('offers the zone and band of an expectation', () => {
    const a = 'agreement A {\n  timebands {\n    peak mon-fri 08:00-20:00\n    off otherwise\n  }\n  zones {\n    Z 33\n  }\n  test "t" {\n    expect 0.01 EUR ';
    expectCompletion(`${a}‸`, { exactly: ['original', 'zone', 'band', 'billed'] });
    expectCompletion(`${a}zone ‸`, { exactly: ['Z'] });
    expectCompletion(`${a}zone Z band ‸`, { exactly: ['peak', 'off'] });
  });
});

describe('discounts', () => {
  const a = 'agreement A {\n  service s voice payable {\n  }\n  discount VOL on s {\n  }\n  test "t" {\n    period 2026-01\n    expect charge discount ';
  it('offers charge constructs, then discounts and services as the subject', () => {
    expectCompletion('agreement A {\n  test "t" {\n    expect charge ‸', { includes: ['discount', 'tier', 'commitment-shortfall'] });
    expectCompletion(`${a}‸`, { exactly: ['VOL', 's'] });
  });
  it('renames a discount and the charges that name it', () => {
    expectRename(`${a.replace('VOL on', 'V‸OL on')}VOL -1.00 EUR\n  }\n}\n`, 'VOLUME', `${a.replace('VOL on', 'VOLUME on')}VOLUME -1.00 EUR\n  }\n}\n`);
  });
  it('offers `zone` after the service of a discount header, and zones after it', () => {
    expectCompletion('agreement A {\n  zones {\n    Z 33\n  }\n  discount on s ‸', { exactly: ['zone'] });
    expectCompletion('agreement A {\n  zones {\n    Z 33\n  }\n  discount on s zone ‸', { exactly: ['Z'] });
  });
});

describe('partners across files', () => {
  it('finds a partner in parties, a revenue share and a commitment', () => {
    expectReferences('agreement A {\n  parties {\n    partner ⟦STREAMCO⟧\n  }\n  service s event payable {\n    revenue share 70% of net retail to ⟦STREAM‸CO⟧\n  }\n  commitment on s {\n    ⟦STREAMCO⟧ commits 1000 EUR per year\n  }\n}\n', { includeDeclaration: false, others: [decls] });
  });
  it('refuses a partner name already taken by an entity', () => {
    expectRename('agreement A {\n  parties {\n    partner STREAM‸CO\n  }\n}\n', 'ACME', { error: /already exists in the workspace/ }, { others: [decls] });
  });
  it('renames an agreement id', () => {
    expectRename('agreement A‸1 {\n}\n', 'A2', 'agreement A2 {\n}\n');
  });
});
