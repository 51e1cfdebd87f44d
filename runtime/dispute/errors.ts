// Errors of `icx dispute`: the CLI prints the message and exits 1 (a refused action: unknown id,
// invalid transition, deadline passed) or 2 (DisputeInputError: a bad findings file or value).
import { RuntimeError } from '../errors.js';

/** A dispute action refused: the message says why and what to do. Exit 1. */
export class DisputeError extends RuntimeError {
  override name = 'DisputeError';
}

/** The input is wrong (findings.json, an evidence file, a date or amount): exit 2. */
export class DisputeInputError extends RuntimeError {
  override name = 'DisputeInputError';
}
