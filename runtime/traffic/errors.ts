// Kept apart from index.ts so the CLI can recognise it without loading DuckDB.

/** Input the generator cannot work with (the CLI prints the message, exit 1). */
export class TrafficError extends Error {}
