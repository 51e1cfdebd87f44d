import { describe, expect, it } from 'vitest';
import { findUnmatchedPrefix } from './no-zone.js';

const matches = (prefixes: string[], n: string) => prefixes.some((p) => n.startsWith(p));

describe('findUnmatchedPrefix', () => {
  it('finds a start that no prefix matches, whatever digits follow', () => {
    const prefixes = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '90', '91', '92', '93', '94', '95', '96', '97', '98', '990', '991'];
    const c = findUnmatchedPrefix(prefixes)!;
    expect(c).toBe('992');
    for (const tail of ['', '0', '12345678', '99999']) expect(matches(prefixes, c + tail)).toBe(false);
  });

  it('never returns a start that a longer prefix would match', () => {
    // '0' is free as a leading digit, but 0123 exists: 0 + digits could hit it.
    expect(findUnmatchedPrefix(['0123', '1', '2', '3', '4', '5', '6', '7', '8', '9'])).toBe('00');
  });

  it('gives up when the prefixes cover every number', () => {
    expect(findUnmatchedPrefix(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])).toBeNull();
    expect(findUnmatchedPrefix(['', '33'])).toBeNull();
  });
});
