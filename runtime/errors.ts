// Typed errors of the runtime: the CLI prints their message and exits non-zero.

/** Base class: every error the runtime raises on purpose. */
export class RuntimeError extends Error {
  override name = 'RuntimeError';
}

/** The store file cannot be opened or is not a DuckDB database. */
export class StoreError extends RuntimeError {
  override name = 'StoreError';
}

/** A usage file cannot be read at all (missing, unreadable, corrupt); nothing was written. */
export class IngestError extends RuntimeError {
  override name = 'IngestError';
  constructor(message: string, readonly file: string) {
    super(message);
  }
}

/** Bad run options (unknown time zone, unknown format, duplicate run id...). */
export class RateInputError extends RuntimeError {
  override name = 'RateInputError';
}

/** in ≠ rated + suspense: the run was rolled back. */
export class UnbalancedRunError extends RuntimeError {
  override name = 'UnbalancedRunError';
  constructor(readonly runId: string, readonly inCount: number, readonly ratedCount: number, readonly suspenseCount: number) {
    super(`run ${runId} does not balance: ${inCount} in ≠ ${ratedCount} rated + ${suspenseCount} suspense; nothing was stored`);
  }
}

/** Outputs cannot be written (the run is not in the store, or the directory is not writable). */
export class OutputError extends RuntimeError {
  override name = 'OutputError';
}
