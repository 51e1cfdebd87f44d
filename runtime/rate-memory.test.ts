import { afterEach, describe, expect, it } from 'vitest';
import { RateInputError } from './errors.js';
import { capMemory, defaultMemoryLimitMb, parseSize } from './rate-memory.js';
import { openStore, type Store } from './store/store.js';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function limit(s: Store): Promise<number> {
  const r = await s.connection.runAndReadAll(`SELECT current_setting('memory_limit')`);
  return parseSize(String(r.getRows()[0]![0]))!;
}

describe('rating memory cap', () => {
  it('reads DuckDB sizes', () => {
    expect(parseSize('18.6 GiB')).toBeCloseTo(18.6 * 2 ** 30);
    expect(parseSize('512.0 MiB')).toBe(512 * 2 ** 20);
    expect(parseSize('3 GB')).toBe(3e9);
    expect(parseSize('lots')).toBeNull();
  });

  it('caps at 2.5 GiB, or 60% of a small machine', () => {
    expect(defaultMemoryLimitMb(64 * 2 ** 30)).toBe(2560);
    // 4 GiB machine: 60% = 2457.6 MiB, rounded down
    expect(defaultMemoryLimitMb(4 * 2 ** 30)).toBe(2457);
  });

  it('lowers the default limit and keeps a lower one', async () => {
    store = await openStore(':memory:');
    await capMemory(store, undefined);
    expect(await limit(store)).toBeLessThanOrEqual(2560 * 2 ** 20);
    await store.connection.run(`SET memory_limit = '100MiB'`);
    await capMemory(store, undefined);
    expect(await limit(store)).toBe(100 * 2 ** 20);
  });

  it('takes ICX_MEMORY_LIMIT, and refuses anything but a size', async () => {
    store = await openStore(':memory:');
    await capMemory(store, '700MiB');
    expect(await limit(store)).toBe(700 * 2 ** 20);
    await expect(capMemory(store, "1GB'; DROP TABLE usage; --")).rejects.toThrow(RateInputError);
    await expect(capMemory(store, 'big')).rejects.toThrow(/ICX_MEMORY_LIMIT "big" is not a size/);
  });
});
