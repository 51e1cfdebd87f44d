// The CLI's failure vocabulary. Commands throw these; main.ts turns them into one line on
// stderr and an exit code, so bad input never surfaces as a stack trace.

export const EXIT_OK = 0;
/** the command ran and found a problem: diagnostics, failing tests, unbalanced run */
export const EXIT_FAILURE = 1;
/** the command line or its inputs were wrong: unknown option, bad value, missing file */
export const EXIT_USAGE = 2;
/** a bug in icx (sysexits EX_SOFTWARE) */
export const EXIT_INTERNAL = 70;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Bad command line or input path: exit 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT_USAGE);
  }
}

/** The command ran but the result is a failure whose details were already printed: exit 1. */
export class Failure extends CliError {
  constructor(message: string) {
    super(message, EXIT_FAILURE);
  }
}
