// The names of charge lines (`construct` in charges.parquet), for `expect charge <construct>`
// in test blocks. A leaf module: the checks of period terms and of digital terms both read it,
// and neither may depend on the other's load order.

/** Period terms (runtime/period/compute.ts). */
export const PERIOD_CONSTRUCTS = ['tier', 'discount', 'cap', 'minimum-fee', 'commitment-shortfall', 'recurring-fee'] as const;

/** Digital-partner terms (runtime/period/digital-charges.ts). */
export const DIGITAL_CONSTRUCTS = [
  'active-units', 'pool-overage', 'revenue-share', 'revenue-share-floor', 'revenue-share-minimum', 'commission-retail',
  'sla-credit', 'sla-cap', 'sla-kpi-missing', 'retail-missing',
] as const;

export const CHARGE_CONSTRUCTS: readonly string[] = [...PERIOD_CONSTRUCTS, ...DIGITAL_CONSTRUCTS];
