// Three (four) small supplier agreements with overlapping prefixes, for the LCR tests. The
// expected routes in lcr.test.ts are computed by hand from the prices below.
import { compile } from '../../compiler/index.js';
import type { HashedAgreementPlan } from '../../compiler/plan.js';

function agreement(id: string, partner: string, currency: string, tz: string, trunk: string, quality: string, body: string): string {
  return `agreement ${id} {
  version 1
  parties {
    us       ACME-UK
    partner  ${partner}
  }
  currency ${currency}
  valid 2026-01-01 ..
  timezone ${tz}
  interconnect IC-${partner} {
    trunks ${trunk}
    traffic voice${quality ? `\n    quality ${quality}` : ''}
  }
${body}
}
`;
}

/** ALPHA (EUR, 1/1): 33 1 and 33 8 at 0.0050; 33 6 at 0.0200, 0.0090 from 15 March; 33 7 at 0.0095. ASR target 50 %. */
export const ALPHA = agreement('LCR-ALPHA', 'ALPHA', 'EUR', 'UTC', 'TA1', 'asr >= 50%', `
  zones {
    A-FIX  33 1, 33 8
    A-MOB  33 6
    A-MOB7 33 7
  }
  service termination voice payable {
    billing 1/1
    rate A-FIX   0.0050 EUR/min
    rate A-MOB   0.0200 EUR/min
    rate A-MOB   0.0090 EUR/min  from 2026-03-15
    rate A-MOB7  0.0095 EUR/min
  }`);

/** BETA (EUR, Europe/Paris, 60/60): 33 61 at peak 0.0150, offpeak 0.0060. ASR target 40 %. */
export const BETA = agreement('LCR-BETA', 'BETA', 'EUR', 'Europe/Paris', 'TB1', 'asr >= 40%', `
  timebands {
    peak     mon-fri 08:00-20:00
    offpeak  otherwise
  }
  zones {
    B-61  33 61
  }
  service termination voice payable {
    billing 60/60
    rate B-61  peak 0.0150 EUR/min  offpeak 0.0060 EUR/min
  }`);

/** GAMMA (EUR, 30/30): all of 33 at 0.0100, bars 33 89. No quality target. */
export const GAMMA = agreement('LCR-GAMMA', 'GAMMA', 'EUR', 'UTC', 'TG1', '', `
  zones {
    G-FR    33
    G-PREM  33 89
  }
  service termination voice payable {
    billing 30/30
    rate G-FR  0.0100 EUR/min
    bar G-PREM
  }`);

/** DELTA (USD, 1/1): 33 7 at 0.0100 USD/min. */
export const DELTA = agreement('LCR-DELTA', 'DELTA', 'USD', 'UTC', 'TD1', '', `
  zones {
    D-MOB7  33 7
  }
  service termination voice payable {
    billing 1/1
    rate D-MOB7  0.0100 USD/min
  }`);

/** A receivable service: never a supplier. */
export const CUSTOMER = agreement('LCR-CUSTOMER', 'CUSTO', 'EUR', 'UTC', 'TC1', '', `
  zones {
    C-ALL  33
  }
  service origination voice receivable {
    billing 1/1
    rate C-ALL  0.0010 EUR/min
  }`);

export function plansOf(...texts: string[]): HashedAgreementPlan[] {
  const r = compile(texts.map((text, i) => ({ uri: `s${i}.icx`, text })));
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join('\n'));
  return r.compiled.plans;
}

/** EPSILON (EUR, 60/60): 33 6 at 0.0250; ACME commits 10,000 min per month, shortfall at 0.0200 EUR/min. */
export const EPSILON = agreement('LCR-EPSILON', 'EPSILON', 'EUR', 'UTC', 'TE1', '', `
  zones {
    E-MOB  33 6
  }
  service termination voice payable {
    billing 60/60
    rate E-MOB  0.0250 EUR/min
  }
  commitment on termination {
    ACME-UK commits 10_000 min per month
    shortfall at 0.0200 EUR/min
  }`);
