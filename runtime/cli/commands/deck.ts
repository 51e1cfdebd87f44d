// `icx deck diff OLD.csv NEW.csv`: what a new A–Z deck changes, prefix by prefix
// (compiler/deck/diff.ts says how each prefix is classified), as a table, JSON or Markdown.
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diffDecks, DIFF_CHANGES, type DeckDiff } from '../../../compiler/deck/diff.js';
import { parseDeck, type ParsedDeck } from '../../../compiler/deck/parse.js';
import { countBySeverity, plural, renderDiagnostic } from '../diagnostics.js';
import { Failure, UsageError } from '../errors.js';
import { displayPath } from '../files.js';
import { renderTable } from '../table.js';

interface DiffOptions {
  json?: boolean;
  markdown?: boolean;
}

export function registerDeck(program: Command): void {
  const deck = program.command('deck').description('work with wholesale A–Z rate decks (CSV)');
  deck
    .command('diff')
    .description('compare two decks prefix by prefix: new, increase, decrease, unchanged, closed')
    .argument('<old>', 'the older deck (.csv)')
    .argument('<new>', 'the newer deck (.csv)')
    .option('--json', 'print the comparison as JSON')
    .option('--markdown', 'print a Markdown table for a pull-request comment (changed prefixes only)')
    .action(async (oldPath: string, newPath: string, opts: DiffOptions) => {
      if (opts.json && opts.markdown) throw new UsageError('choose one of --json and --markdown');
      const [o, n] = [await readDeck(oldPath), await readDeck(newPath)];
      const d = diffDecks(o, n);
      if (opts.json) process.stdout.write(JSON.stringify({ old: oldPath, new: newPath, counts: d.counts, prefixes: d.rows }, null, 2) + '\n');
      else if (opts.markdown) process.stdout.write(markdown(d, oldPath, newPath));
      else process.stdout.write(table(d));
    });
}

/** Reads and parses a deck; any error in it is printed (file:line:col) and fails the command. */
async function readDeck(p: string): Promise<ParsedDeck> {
  let text: string;
  try {
    text = await readFile(path.resolve(p), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${p}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a deck' : `cannot read (${code ?? String(e)})`}`);
  }
  const shown = displayPath(path.resolve(p));
  const deck = parseDeck(text, shown);
  const lookup = { display: () => shown, text: () => text };
  for (const d of deck.diagnostics) process.stderr.write(renderDiagnostic(d, lookup) + '\n');
  const { errors } = countBySeverity(deck.diagnostics);
  if (errors > 0) throw new Failure(`${plural(errors, 'error')} in ${shown}`);
  return deck;
}

function summary(d: DeckDiff): string {
  return DIFF_CHANGES.map((c) => `${d.counts[c]} ${c}`).join(', ');
}

function table(d: DeckDiff): string {
  const rows = d.rows.map((r) => [r.prefix, r.destination, r.oldRate ?? '-', r.newRate ?? '-', r.change, r.effectiveDate ?? '-']);
  return `${renderTable(['prefix', 'destination', 'old rate', 'new rate', 'change', 'effective'], rows, new Set([2, 3]))}\n\n${summary(d)}\n`;
}

const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

/** Unchanged prefixes are counted, not listed: a comment must stay readable (and under size limits). */
function markdown(d: DeckDiff, oldPath: string, newPath: string): string {
  const changed = d.rows.filter((r) => r.change !== 'unchanged');
  const lines = [
    `**Rate deck changes** \`${cell(oldPath)}\` → \`${cell(newPath)}\`: ${summary(d)}`,
    '',
  ];
  if (changed.length === 0) lines.push('No prefix changes.');
  else {
    lines.push('| prefix | destination | old rate | new rate | change | effective |', '|---|---|--:|--:|---|---|');
    for (const r of changed) {
      lines.push(`| ${r.prefix} | ${cell(r.destination)} | ${r.oldRate ?? '–'} | ${r.newRate ?? '–'} | ${r.change} | ${r.effectiveDate ?? '–'} |`);
    }
  }
  return lines.join('\n') + '\n';
}
