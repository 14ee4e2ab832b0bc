import { POSITION_INPUT_LEVELS, SUPPLIER_POSITIONS } from './enums';
import { readCompanyInput } from './company-input';
import { assessSupplierPosition, countSupplierPositions, supplierPositionOf } from './supplier-position';
import { SUPPLIER_POSITION_TEXTS } from './catalogue-texts';
import type { CompanyRecord } from './snapshot';

const NOW = Date.parse('2026-06-30T00:00:00Z');

const companyWith = (properties: Record<string, string | null>): CompanyRecord => ({
  id: '7',
  properties,
  deals: [],
  tickets: [],
  meetings: [],
  contacts: [],
});

const assess = (properties: Record<string, string | null>) =>
  assessSupplierPosition(
    readCompanyInput(companyWith(properties), { nowMs: NOW, homeCurrency: 'EUR', pipelines: [] }).facts,
  );

describe('supplierPositionOf: methodology §6, significance for the client × value we give', () => {
  test.each([
    ['high', 'low', 'managed'],
    ['high', 'high', 'partner'],
    ['low', 'low', 'independent'],
    ['low', 'high', 'desired'],
  ] as const)('dependence %s, value %s → %s', (dependence, value, position) => {
    expect(supplierPositionOf(dependence, value)).toBe(position);
  });

  test('every position is one cell, and every cell has its texts', () => {
    const cells = POSITION_INPUT_LEVELS.flatMap((d) =>
      POSITION_INPUT_LEVELS.map((v) => supplierPositionOf(d, v)),
    );
    expect([...cells].sort()).toEqual([...SUPPLIER_POSITIONS].sort());
    for (const position of SUPPLIER_POSITIONS) {
      const texts = SUPPLIER_POSITION_TEXTS[position];
      for (const text of [texts.label, texts.meaning, texts.towardPartner]) {
        expect(text.en.length).toBeGreaterThan(0);
        expect(text.ru.length).toBeGreaterThan(0);
      }
    }
  });

  test('one input unknown gives no position, never a guess from the other', () => {
    for (const level of POSITION_INPUT_LEVELS) {
      expect(supplierPositionOf(level, null)).toBeNull();
      expect(supplierPositionOf(null, level)).toBeNull();
    }
    expect(supplierPositionOf(null, null)).toBeNull();
  });
});

describe('assessSupplierPosition from a HubSpot record', () => {
  test('both inputs set: the position, nothing missing or invalid', () => {
    expect(assess({ kam_client_dependence: 'high', kam_value_delivered: 'low' })).toEqual({
      position: 'managed',
      missing: [],
      invalid: [],
    });
  });

  test('options are read like the other KAM inputs (case and spaces)', () => {
    expect(assess({ kam_client_dependence: ' High ', kam_value_delivered: 'HIGH' }).position).toBe('partner');
  });

  test('empty and absent inputs are missing', () => {
    expect(assess({ kam_client_dependence: '', kam_value_delivered: 'high' })).toEqual({
      position: null,
      missing: ['kam_client_dependence'],
      invalid: [],
    });
    expect(assess({})).toEqual({
      position: null,
      missing: ['kam_client_dependence', 'kam_value_delivered'],
      invalid: [],
    });
  });

  test('a malformed input gives no position, is named invalid and is a data issue of the company', () => {
    const record = companyWith({ kam_client_dependence: 'medium', kam_value_delivered: 'high' });
    const { facts } = readCompanyInput(record, { nowMs: NOW, homeCurrency: 'EUR', pipelines: [] });
    expect(assessSupplierPosition(facts)).toEqual({
      position: null,
      missing: [],
      invalid: ['kam_client_dependence'],
    });
    expect(facts.dataIssues).toContainEqual(
      expect.objectContaining({ field: 'kam_client_dependence', rawValue: 'medium', kind: 'unknown_value' }),
    );
  });
});

test('countSupplierPositions counts each cell and the companies without a position', () => {
  expect(countSupplierPositions(['partner', 'partner', null, 'desired', 'managed'])).toEqual({
    managed: 1,
    partner: 2,
    independent: 0,
    desired: 1,
    unset: 1,
  });
});
