import fc from 'fast-check';
import { NOW } from '../../../tests/arbitraries/company-builders';
import { portfolioArb } from '../../../tests/arbitraries/company-records';
import { scoringModelArb } from '../../../tests/arbitraries/scoring-model';
import { scorePortfolio } from '../core';
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
