// The icx command line. Every command lives in commands/<name>.ts; this file wires them
// into commander and owns the one top-level error handler: bad input is `icx: <message>`
// and exit 2, a failed run exit 1, a bug exit 70 — never a stack trace (ICX_DEBUG=1 shows it).
import { Command, CommanderError } from 'commander';
import { registerAudit } from './commands/audit.js';
import { registerBill } from './commands/bill.js';
import { registerCheck } from './commands/check.js';
import { registerCompile } from './commands/compile.js';
import { registerDeck } from './commands/deck.js';
import { registerDiff } from './commands/diff.js';
import { registerDispute } from './commands/dispute.js';
import { registerLsp } from './commands/lsp.js';
import { registerLcr } from './commands/lcr.js';
import { registerFmt } from './commands/fmt.js';
import { registerPartners } from './commands/partners.js';
import { registerRate } from './commands/rate.js';
import { registerRerate } from './commands/rerate.js';
import { registerReport } from './commands/report.js';
import { registerReconcile } from './commands/reconcile.js';
import { registerTest } from './commands/test.js';
import { registerTraffic } from './commands/traffic.js';
import { CliError, EXIT_INTERNAL, EXIT_USAGE } from './errors.js';
import { RuntimeError } from '../errors.js';
import { TrafficError } from '../traffic/errors.js';
import { ioReason } from '../store/store-errors.js';

function buildProgram(): Command {
  const program = new Command();
  program
    .name('icx')
    .description('interconnect billing as code: check, format, compile and rate agreements')
    .version('0.1.0', '-V, --version')
    // Settings below are inherited by the subcommands created after them.
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      // commander says "error: unknown option '--x'"; print it in the icx voice.
      outputError: (s, write) => write(`icx: ${s.replace(/^error: /, '')}`),
    })
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true);
  registerCheck(program);
  registerFmt(program);
  registerCompile(program);
  registerRate(program);
  registerTraffic(program);
  registerTest(program);
  registerPartners(program);
  registerDeck(program);
  registerDiff(program);
  registerLsp(program);
  registerBill(program);
  registerAudit(program);
  registerRerate(program);
  registerReport(program);
  registerReconcile(program);
  registerDispute(program);
  registerLcr(program);
  return program;
}

function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0]!.trim();
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with a CommanderError too, exit code 0; the message is already out.
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (e instanceof CliError) {
      if (e.message) process.stderr.write(`icx: ${e.message}\n`);
      return e.exitCode;
    }
    // The runtime's deliberate errors (unreadable usage file, bad store, unbalanced run...)
    // carry a message meant for users: a failure, not a bug.
    if (e instanceof TrafficError || e instanceof RuntimeError) {
      process.stderr.write(`icx: ${e.message}\n`);
      return 1;
    }
    // a full disk, a read-only or unwritable file met part-way: not a bug, and every run and
    // output is written whole or rolled back (docs/reliability.md "Faults")
    const io = ioReason(oneLine(e));
    if (io) {
      process.stderr.write(`icx: ${io}; the command stopped and nothing was half-written\n`);
      return 1;
    }
    process.stderr.write(`icx: internal error: ${oneLine(e)}\n`);
    if (process.env.ICX_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ''}\n`);
    else process.stderr.write('icx: this is a bug in icx; rerun with ICX_DEBUG=1 for details\n');
    return EXIT_INTERNAL;
  }
}

// A reader that stops early (`icx rate ... | head`) closes the pipe: that is not an error of icx.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode === undefined ? 0 : Number(process.exitCode));
  throw e;
});

// Last resort for errors escaping the awaited chain (a stray rejected promise): still one line.
for (const ev of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(ev, (e: unknown) => {
    process.stderr.write(`icx: internal error: ${oneLine(e)}\n`);
    if (process.env.ICX_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exit(EXIT_INTERNAL);
  });
}

// `npm run icx -- ...` runs scripts from the package root; paths the user typed are
// relative to where they typed them, which npm passes as INIT_CWD.
if (process.env.npm_lifecycle_event === 'icx' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

// Set the code and let Node exit by itself so piped stdout is fully flushed.
process.exitCode = await main(process.argv.slice(2));
