// The features on the example agreements of agreements/ (the workspace as the editor sees it).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contextFor } from '../test-support/context.js';
import { completion } from './completion.js';
import { hover } from './hover.js';
import { references } from './navigation.js';
import { rename } from './rename.js';

const files = readdirSync('agreements').filter((f) => f.endsWith('.icx')).map((f) => ({ uri: f, text: readFileSync(`agreements/${f}`, 'utf8') }));
const orange = files.find((f) => f.uri === 'acme-orange-fr.icx')!;
const ctx = contextFor(orange.text, files, orange.uri);

describe('on agreements/acme-orange-fr.icx', () => {
  it('finds FR-MOBILE in its zones block, its rate line and its discount', () => {
    const at = orange.text.indexOf('FR-MOBILE   33 6');
    const found = references(ctx, at, true).map((p) => orange.text.slice(p.start, p.end));
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(new Set(found)).toEqual(new Set(['FR-MOBILE']));
  });
  it('renaming ORANGE edits partners.icx and every agreement naming it', () => {
    const at = orange.text.indexOf('partner  ORANGE') + 'partner  '.length;
    const r = rename(ctx, at, 'ORANGE-FR');
    expect('edits' in r).toBe(true);
    const uris = new Set('edits' in r ? r.edits.map((e) => e.place.uri) : []);
    expect(uris.has('partners.icx')).toBe(true);
    expect(uris.has('acme-orange-fr.icx')).toBe(true);
  });
  it('completes a new rate line of voice-termination with its zones and hovers its first rate', () => {
    const at = orange.text.indexOf('    rate FR-FIXED   0.0045');
    const text = `${orange.text.slice(0, at)}    rate \n${orange.text.slice(at)}`;
    const labels = completion(contextFor(text, files, orange.uri), at + '    rate '.length).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['FR-MOBILE', 'FR-FIXED', 'FR-PREMIUM', 'EU', 'any']));
    // billing 60/60 minimum 0s: 61 s bills 120 s; 0.0123 EUR/min × 120 ÷ 60 = 0.0246 EUR (peak)
    const h = hover(ctx, orange.text.indexOf('0.0123 EUR/min'));
    expect(JSON.stringify(h)).toContain('0.0246 EUR');
  });
});
