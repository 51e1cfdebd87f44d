// SVG charts of the traffic report, drawn by Vega-Lite/Vega headless (renderer 'none' → an SVG
// string; no DOM, no canvas, no network: the data is inline). Chart values are JS numbers for
// positions only: every figure a reader copies is in the tables beside the chart, exact.
import type { TopLevelSpec } from 'vega-lite';

export interface ChartPoint {
  label: string;
  value: number;
  /** payable / receivable, or another series name */
  series: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const SERIES = { domain: ['payable', 'receivable'], range: ['#c2410c', '#1d4ed8'] };

const CONFIG = {
  font: FONT,
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 600, labelColor: '#334155', titleColor: '#0f172a', gridColor: '#e2e8f0', domainColor: '#94a3b8', tickColor: '#94a3b8' },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'top' },
  title: { fontSize: 13, fontWeight: 600, anchor: 'start', color: '#0f172a' },
};

const seriesScale = (series: string[]) =>
  series.every((s) => SERIES.domain.includes(s)) ? { ...SERIES } : series.length === 1 ? { range: ['#64748b'] } : { scheme: 'tableau10' };

/** Horizontal bars, one row per label, bars side by side per series (never stacked: amounts of two directions do not add). */
export function hbarSpec(title: string, points: ChartPoint[], valueTitle: string, width = 560): TopLevelSpec {
  const series = [...new Set(points.map((p) => p.series))];
  const multi = series.length > 1;
  return {
    title,
    width,
    height: { step: multi ? 11 : 18 } as unknown as number,
    data: { values: points },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      // largest first (the sum over the series of a label)
      y: { field: 'label', type: 'nominal', title: null, sort: '-x', axis: { labelLimit: 260 } },
      x: { field: 'value', type: 'quantitative', aggregate: 'sum', title: valueTitle, axis: { format: ',~f', tickCount: 6 } },
      color: { field: 'series', type: 'nominal', title: null, scale: seriesScale(series), legend: multi ? {} : null },
      ...(multi ? { yOffset: { field: 'series', sort: series } } : {}),
    },
    config: CONFIG,
  } as TopLevelSpec;
}

/** One bar per local day of the month (days without traffic are shown empty), series stacked or side by side. */
export function dailySpec(title: string, days: string[], points: ChartPoint[], valueTitle: string, stack: boolean, width = 760): TopLevelSpec {
  const series = [...new Set(points.map((p) => p.series))];
  return {
    title,
    width,
    height: 200,
    data: { values: points },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'label', type: 'ordinal', title: 'local day', scale: { domain: days }, axis: { labelAngle: 0, labelExpr: 'slice(datum.label, 8)' } },
      y: { field: 'value', type: 'quantitative', aggregate: 'sum', title: valueTitle, stack: stack ? 'zero' : null, axis: { format: ',~f', tickCount: 5 } },
      color: { field: 'series', type: 'nominal', title: null, scale: seriesScale(series), legend: series.length > 1 ? {} : null },
      ...(!stack && series.length > 1 ? { xOffset: { field: 'series', sort: series } } : {}),
    },
    config: CONFIG,
  } as TopLevelSpec;
}

/**
 * Renders a Vega-Lite spec to an SVG element for inlining in HTML. The SVG namespace
 * declarations are dropped (HTML parsers place <svg> in it anyway), so the report holds no
 * URL at all; Vega escapes every label it writes.
 */
export async function renderSvg(spec: TopLevelSpec, alt: string): Promise<string> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return svg
      .replace(/ xmlns(:xlink)?="[^"]*"/g, '')
      .replace(/^<svg /, `<svg role="img" aria-label="${escapeAttr(alt)}" `);
  } finally {
    view.finalize();
  }
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
