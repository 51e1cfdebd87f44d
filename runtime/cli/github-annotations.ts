// GitHub Actions workflow commands (`::error file=…,line=…::message`), escaped as the Actions
// toolkit does (@actions/core, command.ts): in the message % → %25, CR → %0D, LF → %0A; in
// property values also : → %3A and , → %2C. Shared by `icx check --format github` and
// `icx test --reporter github`.

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  file?: string;
  line?: number;
  col?: number;
  endLine?: number;
  endColumn?: number;
  title?: string;
  message: string;
}

export function annotation(a: Annotation): string {
  const props: [string, string | number | undefined][] = [
    ['file', a.file], ['line', a.line], ['col', a.col], ['endLine', a.endLine], ['endColumn', a.endColumn], ['title', a.title],
  ];
  const p = props.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${a.level}${p ? ` ${p}` : ''}::${escapeData(a.message)}`;
}

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
