import { describe, expect, it } from 'vitest';
import { resolveReference } from './host.js';

describe('resolveReference', () => {
  it('resolves relative to the agreement file', () => {
    expect(resolveReference('carriers/x.icx', 'decks/az.csv')).toEqual({ uri: 'carriers/decks/az.csv' });
    expect(resolveReference('x.icx', './decks/az.csv')).toEqual({ uri: 'decks/az.csv' });
    expect(resolveReference('carriers/x.icx', '../fx/rates.csv')).toEqual({ uri: 'fx/rates.csv' });
  });

  it('refuses paths that leave the agreements root', () => {
    expect(resolveReference('x.icx', '../secret.csv')).toHaveProperty('error');
    expect(resolveReference('a/x.icx', 'b/../../../etc/passwd')).toHaveProperty('error');
    expect(resolveReference('x.icx', '/etc/passwd')).toHaveProperty('error');
    expect(resolveReference('x.icx', '..\\secret.csv')).toHaveProperty('error');
    expect(resolveReference('x.icx', '')).toHaveProperty('error');
  });
});
