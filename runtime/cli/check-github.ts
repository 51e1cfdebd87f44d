// `icx check --format github`: each diagnostic as a GitHub Actions annotation at its file and
// range (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=ICX2002::message`; warnings
// `::warning`, infos `::notice`), then the same summary line as the text format.
import type { Diagnostic } from '../../language/diagnostic.js';
import type { SourceLookup } from './diagnostics.js';
import { annotation } from './github-annotations.js';

export function githubDiagnostics(ds: readonly Diagnostic[], lookup: SourceLookup): string {
  return ds
    .map((d) =>
      annotation({
        level: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice',
        ...(d.uri
          ? { file: lookup.display(d.uri), line: d.range.start.line, col: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column }
          : {}),
        title: d.code,
        message: d.message,
      }) + '\n',
    )
    .join('');
}
