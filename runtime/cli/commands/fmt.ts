// `icx fmt`: rewrite agreements in the canonical layout (GRAMMAR.md). A file with syntax
// errors is reported and left untouched: the formatter never guesses.
import type { Command } from 'commander';
import { writeFileAtomic } from '../write-atomic.js';
import { format } from '../../../language/index.js';
import { loadSources, printDiagnostics } from '../agreements.js';
import { diagnosticsJson, plural } from '../diagnostics.js';
import type { Diagnostic } from '../../../language/diagnostic.js';
import { Failure } from '../errors.js';

interface FmtOptions {
  check?: boolean;
  json?: boolean;
}

export function registerFmt(program: Command): void {
  program
    .command('fmt')
    .description('format agreements in place in the canonical layout')
    .argument('<paths...>', '.icx files or directories (searched recursively)')
    .option('--check', 'write nothing; list the files that would change and exit 1 if any')
    .option('--json', 'print the result as JSON')
    .action(async (paths: string[], opts: FmtOptions) => {
      const src = await loadSources(paths);
      const changed: string[] = [];
      const invalid: string[] = [];
      const syntaxErrors: Diagnostic[] = [];
      for (const f of src.files) {
        const res = format(f.text, f.uri);
        if (res.text === null) {
          invalid.push(f.display);
          syntaxErrors.push(...res.diagnostics.filter((d) => d.severity === 'error'));
          continue;
        }
        if (res.text === f.text) continue;
        changed.push(f.display);
        if (!opts.check) await writeFileAtomic(f.abs, res.text);
      }
      if (opts.json) {
        const doc = { check: !!opts.check, files: src.files.length, changed, invalid, diagnostics: diagnosticsJson(syntaxErrors, src.lookup) };
        process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
      } else {
        printDiagnostics(syntaxErrors, src.lookup);
        for (const c of changed) process.stdout.write(opts.check ? `would reformat ${c}\n` : `formatted ${c}\n`);
        const verb = opts.check ? 'would be reformatted' : 'reformatted';
        let line = `${plural(changed.length, 'file')} ${verb}, ${src.files.length - changed.length - invalid.length} unchanged`;
        if (invalid.length > 0) line += `, ${invalid.length} not formatted (syntax errors)`;
        process.stdout.write(line + '\n');
      }
      if (invalid.length > 0) throw new Failure(`${plural(invalid.length, 'file')} with syntax errors left unchanged`);
      if (opts.check && changed.length > 0) throw new Failure('');
    });
}
