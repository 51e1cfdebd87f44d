// `icx partners` on the example agreements, and on a set with an inline-only party; and the
// examples' resolution by date through `icx rate`: TG101 passes from ACME-ORANGE-FR-2026 to
// ACME-ORANGE-FR-2027 at midnight, Paris time, on 1 January 2027.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListedParty } from '../../runtime/cli/partners-listing.js';
import { FIXTURE } from './fixtures.js';
import { icx, ROOT, STACK_LINE, tempDir } from './run-cli.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(path.join(dir, 'inline'));
  writeFileSync(path.join(dir, 'inline', 'orange.icx'), FIXTURE);
  mkdirSync(path.join(dir, 'broken'));
  writeFileSync(path.join(dir, 'broken', 'p.icx'), 'partner ORANGE "Orange" {\n  type telco\n}\n');
});
afterAll(() => cleanup());

/** `icx partners --json` lists parties as the command builds them. */
type Listed = ListedParty;

describe('icx partners', () => {
  it('lists entities and partners with their details and agreements as JSON', () => {
    const r = icx(['partners', 'agreements', '--json'], ROOT);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { entities: Listed[]; partners: Listed[] };
    expect(doc.entities.map((e) => e.name)).toEqual(['ACME-IE', 'ACME-UK']);
    // every example agreement's partner is declared in agreements/partners.icx, listed by name
    const names = doc.partners.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['CARRIERX', 'NORDTEL', 'ORANGE', 'TELCOZ']));
    expect(names).toEqual([...names].sort());
    expect(doc.partners.filter((p) => !(p as Listed & { declared: boolean }).declared).map((p) => p.name)).toEqual([]);
    const ie = doc.entities[0]!;
    expect(ie).toMatchObject({ declared: true, legalName: 'ACME Telecom Ireland DAC', vat: 'IE1234567T', tadigCodes: ['IRLAC'], type: null });
    expect(ie.agreements.map((a) => a.id)).toEqual(['ACME-IE-ORANGE-FR-2026']);
    const orange = doc.partners.find((p) => p.name === 'ORANGE')!;
    expect(orange).toMatchObject({
      declared: true, legalName: 'Orange France SA', type: 'interconnect', tadigCodes: ['FRAF1'], carrierCodes: ['ORGFR'], vat: 'FR89380129866',
    });
    // by validity, then id
    expect(orange.agreements.map((a) => `${a.id} ${a.counterparty} ${a.validFrom}..${a.validTo ?? ''}`)).toEqual([
      'ACME-ORANGE-FR-2026 ACME-UK 2026-01-01..2026-12-31',
      'ACME-IE-ORANGE-FR-2026 ACME-IE 2026-03-01..2026-12-31',
      'ACME-ORANGE-FR-2027 ACME-UK 2027-01-01..2027-12-31',
    ]);
    expect(orange.agreements[0]!.services).toEqual([
      { name: 'voice-termination', kind: 'voice', direction: 'payable' },
      { name: 'voice-origination', kind: 'voice', direction: 'receivable' },
      { name: 'sms', kind: 'sms', direction: 'receivable' },
    ]);
  });

  it('prints tables: entities, partners, agreements by partner', () => {
    const r = icx(['partners', 'agreements'], ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Entities\nname\s+legal name\s+tadig\s+carrier codes\s+vat\s+address$/m);
    expect(r.stdout).toMatch(/^ACME-UK\s+ACME Telecom Ltd\s+GBRAC\s+GB123456789\s+1 Harbour Exchange Square/m);
    expect(r.stdout).toMatch(/^ORANGE\s+Orange France SA\s+interconnect\s+FRAF1\s+ORGFR\s+FR89380129866\s+111 quai/m);
    expect(r.stdout).toMatch(/^ORANGE\s+ACME-IE\s+ACME-IE-ORANGE-FR-2026\s+1\s+2026-03-01 \.\. 2026-12-31\s+TG151 TG152\s+voice-termination \(voice payable\), voice-origination \(voice receivable\)$/m);
    expect(r.stdout).toMatch(/^NORDTEL\s+ACME-UK\s+ACME-NORDTEL-DE-2026\s+1\s+2026-02-01 \.\.\s+TG201 TG202/m);
  });

  it('lists parties named only inline, marked as such', () => {
    const r = icx(['partners', 'inline', '--json'], dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { entities: Listed[]; partners: Listed[] };
    expect(doc.entities).toMatchObject([{ name: 'ACME', declared: false, legalName: 'ACME Telecom Ltd', tadigCodes: ['GBRAC'] }]);
    expect(doc.partners).toMatchObject([{ name: 'ORANGE', declared: false, type: 'interconnect', agreements: [{ id: 'ACME-ORANGE-FR-2026' }] }]);
    expect(icx(['partners', 'inline'], dir).stdout).toMatch(/^ORANGE \*\s+Orange France SA/m);
  });

  it('stops with the diagnostics and exit 1 when the declarations are wrong', () => {
    const r = icx(['partners', 'broken'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\/p\.icx:2:8: error ICX3008: Unknown partner type telco/);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.stdout).toBe('');
  });
});

describe('the example trunks pass from the 2026 to the 2027 Orange agreement by local date', () => {
  it('rates the last call of 2026 and the first of 2027 (Paris time) by each agreement', async () => {
    const csv = path.join(dir, 'new-year.csv');
    writeFileSync(
      csv,
      [
        'record_id,trunk,direction,kind,b_number,start_time,duration_s',
        // Thursday 31 Dec 2026 23:30 Paris (off-peak, 2026 agreement): 60 s at 60/60 = 1 min × 0.0100 = 0.0100
        'NY-1,TG101,out,voice,33612345678,2026-12-31T22:30:00Z,60',
        // 00:30 on 1 Jan 2027 in Paris, still 31 Dec in UTC: 2027 agreement, 1 min × 0.0095 = 0.0095
        'NY-2,TG101,out,voice,33612345678,2026-12-31T23:30:00Z,60',
      ].join('\n') + '\n',
    );
    const out = path.join(dir, 'out');
    const r = icx(['rate', 'agreements', '--usage', csv, '--out', out, '--db', path.join(dir, 'ny.duckdb')], ROOT);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const rows = (await con.runAndReadAll(`SELECT record_id, agreement_id, CAST(amount AS VARCHAR) AS amount FROM read_parquet('${path.join(out, 'rated.parquet')}') ORDER BY record_id`)).getRowObjectsJson();
    expect(rows.map((x) => `${x.record_id} ${x.agreement_id} ${new Decimal(String(x.amount)).toFixed()}`)).toEqual([
      'NY-1 ACME-ORANGE-FR-2026 0.01',
      'NY-2 ACME-ORANGE-FR-2027 0.0095',
    ]);
  });
});

describe('a usage file whose records carry a partner code instead of a trunk', () => {
  it('is read through --map partner=<column> and rated by the trunkless agreement of that partner', async () => {
    const root = path.join(dir, 'roaming');
    mkdirSync(root);
    writeFileSync(
      path.join(root, 'partners.icx'),
      'partner TELCOZ "TelcoZ Networks Ltd" {\n  type roaming\n  tadig ZZZTZ\n}\n',
    );
    writeFileSync(
      path.join(root, 'telcoz.icx'),
      [
        'agreement ACME-TELCOZ-ROAMING "IOT with TelcoZ" {',
        '  parties {',
        '    us       ACME  "ACME Telecom Ltd"',
        '    partner  TELCOZ',
        '  }',
        '',
        '  currency EUR',
        '  valid 2026-01-01 ..',
        '  timezone Europe/London',
        '',
        '  service roaming-voice voice payable {',
        '    billing 30/30',
        '    rate any 0.0250 EUR/min',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const csv = path.join(dir, 'tap.csv');
    writeFileSync(
      csv,
      [
        'record_id,sender,direction,kind,b_number,start_time,duration_s',
        // 45 s at 30/30 → 60 s; 1 min × 0.0250 = 0.0250
        'T-1,ZZZTZ,out,voice,447700900123,2026-03-02T10:00:00Z,45',
        // no agreement of any declared partner has the code ZZZXX
        'T-2,ZZZXX,out,voice,447700900123,2026-03-02T10:00:00Z,45',
      ].join('\n') + '\n',
    );
    const out = path.join(dir, 'out-tap');
    const r = icx(['rate', root, '--usage', csv, '--map', 'partner=sender', '--out', out, '--db', path.join(dir, 'tap.duckdb')], ROOT);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/in 2 = rated 1 \+ suspense 1/);
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const rated = (await con.runAndReadAll(`SELECT record_id, agreement_id, CAST(amount AS VARCHAR) AS amount FROM read_parquet('${path.join(out, 'rated.parquet')}')`)).getRowObjectsJson();
    expect(rated.map((x) => `${x.record_id} ${x.agreement_id} ${new Decimal(String(x.amount)).toFixed()}`)).toEqual(['T-1 ACME-TELCOZ-ROAMING 0.025']);
    const susp = (await con.runAndReadAll(`SELECT record_id, reason, partner FROM read_parquet('${path.join(out, 'suspense.parquet')}')`)).getRowObjectsJson();
    expect(susp).toEqual([{ record_id: 'T-2', reason: 'no-agreement', partner: 'ZZZXX' }]);
  });
});
