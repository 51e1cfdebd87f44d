// `icx partners`: our entities and the partners, with their details (legal name, codes, tax
// id, address) and their agreements (id, version, validity, services), as tables or JSON.
import type { Command } from 'commander';
import { compileOrFail } from '../agreements.js';
import { partnersListing, type ListedAgreement, type ListedParty } from '../partners-listing.js';
import { renderTable } from '../table.js';

interface PartnersOptions {
  json?: boolean;
}

function validity(a: ListedAgreement): string {
  return `${a.validFrom} .. ${a.validTo ?? ''}`.trimEnd();
}

function partyRows(list: ListedParty[], withType: boolean): string[][] {
  return list.map((p) => [
    p.name + (p.declared ? '' : ' *'),
    p.legalName ?? '',
    ...(withType ? [p.type ?? ''] : []),
    p.tadigCodes.join(' '),
    p.carrierCodes.join(' '),
    p.vat ?? '',
    p.address ?? '',
  ]);
}

function agreementRows(list: ListedParty[]): string[][] {
  return list.flatMap((p) =>
    p.agreements.map((a) => [
      p.name,
      a.counterparty,
      a.id,
      String(a.version),
      validity(a),
      a.trunks.length > 0 ? a.trunks.join(' ') : '(partner code)',
      a.services.map((s) => `${s.name} (${s.kind} ${s.direction})`).join(', '),
    ]),
  );
}

export function renderPartners(listing: { entities: ListedParty[]; partners: ListedParty[] }): string {
  // entities have no partner type: their table has no type column
  const head = (withType: boolean) => ['name', 'legal name', ...(withType ? ['type'] : []), 'tadig', 'carrier codes', 'vat', 'address'];
  const out = [
    'Entities',
    renderTable(head(false), partyRows(listing.entities, false)),
    '',
    'Partners',
    renderTable(head(true), partyRows(listing.partners, true)),
    '',
    'Agreements by partner',
    renderTable(['partner', 'entity', 'agreement', 'version', 'valid', 'found by', 'services'], agreementRows(listing.partners), new Set([3])),
  ];
  if ([...listing.entities, ...listing.partners].some((p) => !p.declared)) {
    out.push('', '* named only inline in agreements (no `entity` or `partner` declaration)');
  }
  return out.join('\n') + '\n';
}

export function registerPartners(program: Command): void {
  program
    .command('partners')
    .description('list our entities and the partners, with their details and agreements')
    .argument('[paths...]', '.icx files or directories (default: agreements)')
    .option('--json', 'print the listing as JSON')
    .action(async (paths: string[], opts: PartnersOptions) => {
      const { result } = await compileOrFail(paths.length > 0 ? paths : ['agreements']);
      const listing = partnersListing(result.compiled);
      process.stdout.write(opts.json ? JSON.stringify(listing, null, 2) + '\n' : renderPartners(listing));
    });
}
