import fc from 'fast-check';
import { company, NOW } from '../../../tests/arbitraries/company-builders';
import type { CrmRecord } from '../core/snapshot';
import { portfolioArb } from '../../../tests/arbitraries/company-records';
import { scoringModelArb } from '../../../tests/arbitraries/scoring-model';
import { scoreCompany, scorePortfolio } from '../core';
import { explanationSchema } from '../hubspot/explanation-schema';
import { DEFAULT_SCORING_MODEL } from '../settings/default-model';
import { outputValuesOf } from './output-values';

// explanationOf builds the document to the schema's type without parsing it (it runs for every
// company of a run); this is the check that the card's schema accepts whatever it builds
describe('output values', () => {
  test('every kam_explanation written is a document the schema accepts, with finite numbers', () => {
    fc.assert(
      fc.property(
        portfolioArb({ garbage: true }),
        fc.oneof(fc.constant(DEFAULT_SCORING_MODEL), scoringModelArb),
        (companies, model) => {
          const portfolio = scorePortfolio({ companies, model, now: NOW });
          for (const result of portfolio.results) {
            const values = outputValuesOf(result, portfolio);
            const parsed = explanationSchema.safeParse(JSON.parse(values.kam_explanation as string));
            if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues[0]));
            for (const [name, value] of Object.entries(values)) {
              expect(value).not.toMatch(/NaN|Infinity|undefined/);
              expect(typeof value).toBe('string');
              expect(name.startsWith('kam_')).toBe(true);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

// docs/decisions/0004-who-may-pin.md: while a pin lasts, kam_tier (and kam_strategy, when pinned) hold it
describe('output values of a pinned company', () => {
  const score = (properties: Record<string, string>) =>
    scoreCompany(company({ properties }), { model: DEFAULT_SCORING_MODEL, now: NOW, paretoClass: 'C' });
  const context = { revenueReference: 1, revenueQuantiles: null, tierCapacity: null };

  test('a pin in force holds kam_tier and kam_strategy; the computed tier goes to kam_tier_computed', () => {
    const result = score({
      kam_tier_pinned: 'key',
      kam_strategy_pinned: 'protect_ties',
      kam_pin_expires_at: new Date(NOW.getTime() + 86_400_000).toISOString(),
    });
    expect(result.tier).toBe('regular');
    expect(outputValuesOf(result, context)).toMatchObject({
      kam_tier: 'key',
      kam_strategy: 'protect_ties',
      kam_tier_computed: 'regular',
    });
  });

  test('a lapsed pin, or one without a strategy, leaves the computed values', () => {
    const lapsed = score({
      kam_tier_pinned: 'key',
      kam_strategy_pinned: 'protect_ties',
      kam_pin_expires_at: new Date(NOW.getTime() - 86_400_000).toISOString(),
    });
    expect(outputValuesOf(lapsed, context)).toMatchObject({
      kam_tier: lapsed.tier,
      kam_strategy: lapsed.strategy,
      kam_tier_computed: lapsed.tier,
    });
    const tierOnly = score({ kam_tier_pinned: 'important' });
    expect(outputValuesOf(tierOnly, context)).toMatchObject({
      kam_tier: 'important',
      kam_strategy: tierOnly.strategy,
      kam_tier_computed: tierOnly.tier,
    });
  });
});

// methodology §6: kam_supplier_position from the two manager inputs, empty when one is missing or malformed
describe('output values of supplier positioning', () => {
  const context = { revenueReference: 1, revenueQuantiles: null, tierCapacity: null };
  const valuesOf = (properties: Record<string, string>) => {
    const result = scoreCompany(company({ properties }), {
      model: DEFAULT_SCORING_MODEL,
      now: NOW,
      paretoClass: 'C',
    });
    const values = outputValuesOf(result, context);
    const explanation = explanationSchema.parse(JSON.parse(values.kam_explanation as string));
    return { position: values.kam_supplier_position, stored: explanation.position };
  };

  test('both inputs set: the position, stored with nothing missing', () => {
    expect(valuesOf({ kam_client_dependence: 'low', kam_value_delivered: 'high' })).toEqual({
      position: 'desired',
      stored: { value: 'desired', missing: [], invalid: [] },
    });
  });

  test('a malformed input clears the position and the explanation names it invalid', () => {
    expect(valuesOf({ kam_client_dependence: 'very high', kam_value_delivered: 'high' })).toEqual({
      position: '',
      stored: { value: null, missing: [], invalid: ['kam_client_dependence'] },
    });
  });

  test('one input set: no position, the other named missing', () => {
    expect(valuesOf({ kam_value_delivered: 'low' })).toEqual({
      position: '',
      stored: { value: null, missing: ['kam_client_dependence'], invalid: [] },
    });
  });

  test('neither input ever filled in: an empty position and no position block in the explanation', () => {
    expect(valuesOf({})).toEqual({ position: '', stored: undefined });
  });
});

// issue #21: the organisation map's gaps (core/organisation-map.ts) as a multi-select value
describe('buying-centre gaps', () => {
  const context = { revenueReference: 1, revenueQuantiles: null, tierCapacity: null };
  const gapsOf = (contacts: CrmRecord[]) =>
    outputValuesOf(
      scoreCompany(company({ contacts }), { model: DEFAULT_SCORING_MODEL, now: NOW, paretoClass: 'C' }),
      context,
    ).kam_buying_centre_gaps;
  const contact = (id: string, properties: Record<string, string>): CrmRecord => ({ id, properties });
  const recently = new Date(NOW.getTime() - 10 * 86_400_000).toISOString();

  test('a company with no contacts at all gets the one gap no_contacts', () => {
    expect(gapsOf([])).toBe('no_contacts');
  });

  test('the gaps the card shows, in catalogue order, `;`-separated', () => {
    expect(gapsOf([contact('1', { hs_buying_role: 'END_USER' })])).toBe('no_decision_maker;no_sponsor');
    expect(
      gapsOf([
        contact('1', { hs_buying_role: 'DECISION_MAKER', notes_last_contacted: recently }),
        contact('2', { kam_attitude: 'sponsor', kam_career: 'setting_star' }),
      ]),
    ).toBe('sponsor_setting_star');
  });

  test('a well-mapped buying centre clears the property', () => {
    expect(
      gapsOf([
        contact('1', { hs_buying_role: 'DECISION_MAKER', notes_last_contacted: recently }),
        contact('2', { hs_buying_role: 'CHAMPION' }),
      ]),
    ).toBe('');
  });
});
