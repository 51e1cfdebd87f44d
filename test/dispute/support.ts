// Shared by the dispute tests: a copy of a fixture reconciliation folder in a temporary
// directory (tests may delete or edit it), and an in-memory store.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Copies fixtures/<name> into a fresh temp dir; returns the findings.json path and a cleanup. */
export function fixtureCopy(name: string): { dir: string; findings: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'icx-dispute-'));
  const dir = path.join(root, name);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return { dir, findings: path.join(dir, 'findings.json'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A clock stopped at `iso`. */
export const at = (iso: string) => () => new Date(iso);

export const RULES = { raiseDays: 30, answerDays: 15 };
