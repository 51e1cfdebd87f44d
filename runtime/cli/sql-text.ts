// The SQL text behind `icx compile --sql`: compiler/sql builds it (pure strings, no I/O).
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { ratingSql } from '../../compiler/sql/index.js';

export function sqlForPlans(plans: HashedAgreementPlan[]): string {
  return ratingSql(plans);
}
