// The voice/SMS agreement of ../shared/language-sketch.md (the parts the grammar covers), for tests.
export const SKETCH = `agreement ACME-ORANGE-FR-2026 "ACME ⇄ Orange France voice and SMS interconnect" {
  version 3
  parties {
    us      ACME    "ACME Telecom Ltd"   tadig GBRAC
    partner ORANGE  "Orange France SA"   tadig FRAF1   type interconnect
  }
  currency EUR
  valid    2026-01-01 .. 2026-12-31
  timezone Europe/Paris

  interconnect LON-PAR-1 {
    site    "Telehouse North, London"
    trunks  TG101 TG102                  // usage on other trunks is not this agreement's
    traffic voice sms
    quality asr >= 45% acd >= 120s pdd <= 4s
  }

  holidays FR { 2026-01-01 2026-04-06 2026-05-01 2026-07-14 2026-12-25 }
  timebands {
    peak     mon-fri 08:00-20:00 except holidays FR
    offpeak  otherwise
  }

  zones {
    FR-MOBILE    33 6, 33 7
    FR-FIXED     33 1, 33 2, 33 3, 33 4, 33 5, 33 9
    FR-PREMIUM   33 89
  }

  service voice-termination voice payable {
    billing 60/60 minimum 0s
    calls across a band boundary are rated at the start band
    rate FR-MOBILE  peak 0.0123 EUR/min  offpeak 0.0100 EUR/min
    rate FR-FIXED   0.0045 EUR/min
    rate FR-FIXED   0.0040 EUR/min  from 2026-04-01
    bar  FR-PREMIUM
  }

  service voice-origination voice receivable {
    billing 30/6
    rate any 0.0090 EUR/min
  }

  service sms sms receivable {
    rate any 0.0050 EUR/msg
  }

  test "a 61 second peak call to a French mobile is billed as two minutes" {
    usage voice-termination to 33612345678 at 2026-03-02T10:00:00 for 61s
    expect 0.0246 EUR zone FR-MOBILE band peak
  }
}
`;
