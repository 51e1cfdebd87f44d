import { RuntimeError } from '../errors.js';

/** A bill run, approval, issue or re-rating refused: the message says why and what to do. */
export class BillError extends RuntimeError {
  override name = 'BillError';
}
