// The one error of least-cost routing: a message meant for users. `usage` = the command line
// or an input file was wrong (exit 2); `failure` = the agreements cannot answer (exit 1),
// e.g. a missing FX rate — never replaced by a default.
export class LcrError extends Error {
  constructor(
    message: string,
    readonly kind: 'usage' | 'failure' = 'failure',
  ) {
    super(message);
  }
}
