// Band windows: the checked week grid cut into runs of one band, for all 14 day profiles.
import type { BandWindow } from '../plan.js';
import { buildBandGrid, MINUTES, PROFILES } from '../check/time-bands.js';
import { ANY_BAND, type AgreementModel } from '../model.js';
import { Sink } from '../sink.js';

export interface LoweredBands {
  bands: string[];
  bandWindows: BandWindow[];
  /** holiday calendars the bands reference */
  calendars: string[];
}

export function lowerBands(m: AgreementModel): LoweredBands {
  // Only called for agreements that checked clean, so the throwaway sink stays empty.
  const g = buildBandGrid(m, new Sink(m.uri));
  const windows: BandWindow[] = [];
  for (let p = 0; p < PROFILES; p++) {
    const holiday = p >= 7;
    const isoDow = (p % 7) + 1;
    if (!g) {
      windows.push({ holiday, isoDow, startMinute: 0, endMinute: MINUTES, band: ANY_BAND });
      continue;
    }
    const row = g.grid[p]!;
    let start = 0;
    for (let i = 1; i <= MINUTES; i++) {
      if (i === MINUTES || row[i] !== row[start]) {
        windows.push({ holiday, isoDow, startMinute: start, endMinute: i, band: g.names[row[start]!] ?? ANY_BAND });
        start = i;
      }
    }
  }
  return { bands: g ? g.names : [ANY_BAND], bandWindows: windows, calendars: g?.calendars ?? [] };
}
