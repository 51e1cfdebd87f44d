// Small helpers shared by the language tests.
import { expect } from 'vitest';
import type { Agreement, AgreementFile, AgreementItem, ServiceBlock, ServiceItem } from '../ast.js';
import { formatDiagnostic } from '../diagnostic.js';
import { parse } from '../parse.js';

/** Parses text that must be free of diagnostics; shows them when it is not. */
export function parseClean(text: string): AgreementFile {
  const { file, diagnostics } = parse(text, 'test.icx');
  expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  return file;
}

/** Parses the items of one agreement written inline. */
export function items(body: string): AgreementItem[] {
  return parseClean(`agreement T {\n${body}\n}\n`).agreements[0]!.items;
}

export function serviceItems(body: string, header = 'service s voice payable'): ServiceItem[] {
  const service = items(`${header} {\n${body}\n}`)[0] as ServiceBlock;
  return service.items;
}

/** The AST without ranges: the values two parses must agree on. */
export function withoutRanges(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'range' ? undefined : v)));
}

export function onlyAgreement(file: AgreementFile): Agreement {
  expect(file.agreements).toHaveLength(1);
  return file.agreements[0]!;
}
