// What each suspense reason code means, in the words of docs/internal-contracts.md ("Suspense
// reason codes", "Usage record schema"), for readers of the traffic report who do not know the codes.
import { SUSPENSE_REASONS } from '../../compiler/index.js';

// Partial so a reason added elsewhere does not break the build; test/report/traffic-html.test.ts asks for a sentence for each
const DESCRIPTIONS: Partial<Record<(typeof SUSPENSE_REASONS)[number], string>> = {
  'unparsable-row': 'the row could not be read (broken CSV/JSON line)',
  'missing-field': 'a required field is empty (record id, start, trunk or partner, B-number, bytes…)',
  'malformed-start': 'the start time is not an ISO 8601 instant',
  'missing-offset': 'the start time has no UTC offset and the run gave no --assume-timezone',
  'malformed-duration': 'the duration is not a plain decimal number of seconds',
  'negative-duration': 'the duration is negative',
  'implausible-duration': 'the duration is longer than a day',
  'duplicate-record': 'the record id was already read in the same run (the first reading is rated)',
  'malformed-number': 'the A- or B-number is not a number',
  'malformed-units': 'units is not a positive whole number',
  'unknown-kind': 'kind is not voice, sms, data or event',
  'unknown-direction': 'direction is not out or in',
  'no-agreement': 'no agreement matches the trunk, partner code or agreement id',
  'no-service': 'the agreement has no service for the record’s kind and direction',
  'outside-validity': 'the record’s date is outside the agreement’s validity',
  'no-zone': 'no zone prefix matches the number',
  barred: 'the number is in a barred zone',
  'no-rate': 'the zone has no rate in force for that date and band',
  'no-fx-rate': 'the FX table has no rate for the record’s FX date',
  closed: 'a rate deck closed the matched prefix on or before the call’s date',
  'malformed-bytes': 'bytes is not a non-negative whole number',
  'no-category': 'the service prices by call category and the record has none it prices',
};

export function suspenseDescription(reason: string): string {
  return (DESCRIPTIONS as Record<string, string>)[reason] ?? '';
}
