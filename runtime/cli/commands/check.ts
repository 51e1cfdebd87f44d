// `icx check`: compile agreements and report every diagnostic; exit 1 on any error.
import type { Command } from 'commander';
import { Option } from 'commander';
import { compileSources, loadSources, printDiagnostics } from '../agreements.js';
import { countBySeverity, diagnosticsJson, plural } from '../diagnostics.js';
import { Failure } from '../errors.js';
import { githubDiagnostics } from '../check-github.js';

interface CheckOptions {
  json?: boolean;
  format: 'text' | 'json' | 'github';
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('compile agreements and report errors and warnings like a compiler')
    .argument('<paths...>', '.icx files or directories (searched recursively)')
    .option('--json', 'print the diagnostics as JSON (same as --format json)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .action(async (paths: string[], opts: CheckOptions) => {
      const src = await loadSources(paths);
      const result = compileSources(src);
      const counts = countBySeverity(result.diagnostics);
      const agreements = result.compiled.plans.length;
      if (opts.json || opts.format === 'json') {
        const out = {
          ok: counts.errors === 0,
          files: src.files.map((f) => f.display),
          agreements: result.compiled.plans.map((p) => ({ id: p.plan.id, version: p.plan.version, hash: p.hash })),
          errors: counts.errors,
          warnings: counts.warnings,
          diagnostics: diagnosticsJson(result.diagnostics, src.lookup),
        };
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      } else {
        if (opts.format === 'github') process.stdout.write(githubDiagnostics(result.diagnostics, src.lookup));
        else printDiagnostics(result.diagnostics, src.lookup, process.stdout);
        const summary =
          counts.errors + counts.warnings === 0
            ? `ok: ${plural(src.files.length, 'file')}, ${plural(agreements, 'agreement')}, no problems`
            : `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} in ${plural(src.files.length, 'file')}`;
        process.stdout.write(summary + '\n');
      }
      if (counts.errors > 0) throw new Failure('');
    });
}
