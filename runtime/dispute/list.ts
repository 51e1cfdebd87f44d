// Listing disputes with what needs chasing: a dispute still `open` after its answer-due date is
// overdue (the partner has not answered within the agreement's `dispute answer within N days`).
// "Today" is given by the caller (the clock's UTC date, or --as-of), never read here.
import type { Store } from '../store/store.js';
import { addDays } from './dates.js';
import { findDisputes, hasDisputeTables, type DisputeRow, type DisputeStatus } from './store.js';

export const STATUSES: readonly DisputeStatus[] = ['open', 'acknowledged', 'resolved-credit', 'rejected'];

export interface ListedDispute extends DisputeRow {
  /** open, with an answer-due date before `today` */
  overdue: boolean;
  /** days past the answer-due date (0 when not overdue) */
  daysOverdue: number;
}

export function overdueOf(d: DisputeRow, today: string): { overdue: boolean; daysOverdue: number } {
  if (d.status !== 'open' || d.answerDue === null || today <= d.answerDue) return { overdue: false, daysOverdue: 0 };
  let days = 0;
  while (addDays(d.answerDue, days) < today) days++;
  return { overdue: true, daysOverdue: days };
}

export async function listDisputes(store: Store, today: string, filter: { status?: DisputeStatus; partner?: string } = {}): Promise<ListedDispute[]> {
  if (!(await hasDisputeTables(store))) return [];
  const where: string[] = [];
  const params: string[] = [];
  if (filter.status) where.push(`status = $${params.push(filter.status)}`);
  if (filter.partner) where.push(`partner = $${params.push(filter.partner)}`);
  const rows = await findDisputes(store, where.length ? where.join(' AND ') : 'true', params);
  return rows.map((d) => ({ ...d, ...overdueOf(d, today) }));
}
