// The report's inline style sheet (no font or image is fetched: system fonts only).
export const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f8fafc; color: #0f172a; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
header h1 { font-size: 24px; margin: 0 0 4px; }
.meta { color: #475569; margin: 0 0 8px; }
section { background: white; border: 1px solid #e2e8f0; border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
section.empty { border-color: #f59e0b; background: #fffbeb; }
h2 { font-size: 18px; margin: 0 0 8px; }
h3 { font-size: 14px; margin: 16px 0 6px; color: #334155; }
.note { color: #475569; font-size: 13px; margin: 4px 0 10px; }
.rule { background: #f1f5f9; border-left: 3px solid #64748b; padding: 8px 12px; margin: 8px 0; }
.none { color: #64748b; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; font-variant-numeric: tabular-nums; }
td:first-child { white-space: nowrap; }
th, td { padding: 4px 8px; border-bottom: 1px solid #e2e8f0; text-align: left; vertical-align: top; }
th { background: #f1f5f9; font-weight: 600; color: #334155; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
tbody tr:hover { background: #f8fafc; }
.ccy { color: #64748b; font-size: 11px; }
.small { color: #475569; font-size: 12px; }
.dir { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; }
.dir.payable { background: #ffedd5; color: #9a3412; }
.dir.receivable { background: #dbeafe; color: #1e40af; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 12px; }
.card { flex: 1 1 240px; border: 1px solid #e2e8f0; border-radius: 8px; padding: 10px 14px; }
.card.payable { border-top: 4px solid #c2410c; }
.card.receivable { border-top: 4px solid #1d4ed8; }
.card-head { font-weight: 600; color: #334155; }
.big { font-size: 22px; font-weight: 700; margin: 4px 0; font-variant-numeric: tabular-nums; }
dl { display: grid; grid-template-columns: auto auto; gap: 2px 12px; margin: 0; font-size: 13px; }
dt { color: #64748b; } dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: 12px 0; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; }
details { margin: 8px 0; } summary { cursor: pointer; color: #1d4ed8; }
code { font-size: 12px; background: #f1f5f9; padding: 0 4px; border-radius: 3px; }
footer { color: #475569; font-size: 12px; margin-top: 24px; }
@media print { body { background: white; } section { break-inside: avoid; border: none; } details { display: block; } }
`;
