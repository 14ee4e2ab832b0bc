/**
 * Issue #16: drift tolerances hold back figures, never states. Whatever the figures do, a change of
 * tier, risk level, loss stage, quadrant, strategy or Pareto class is written the day it happens,
 * and every figure that differs from what is stored is written with it.
 */
import fc from 'fast-check';
import { KAISM_QUADRANTS, PARETO_CLASSES, RISK_LEVELS, STRATEGIES, TIERS } from '../core/enums';
import { DRIFT_TOLERANCES, diffOutputs, sameValue } from './diff';

const now = new Date('2026-11-25T12:00:00.000Z');

const levels = fc.record({
  kam_tier: fc.constantFrom(...TIERS),
  kam_risk_level: fc.constantFrom(...RISK_LEVELS),
  kam_loss_stage: fc.constantFrom('0', '1', '2', '3'),
  kam_quadrant: fc.constantFrom(...KAISM_QUADRANTS),
  kam_strategy: fc.constantFrom(...STRATEGIES),
  kam_pareto_class: fc.constantFrom(...PARETO_CLASSES),
});
const figure = fc.oneof(
  fc.double({ min: -2, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((value) => value.toFixed(2)),
  fc.constant(''),
);
const figures = fc.record(
  Object.fromEntries(Object.keys(DRIFT_TOLERANCES).map((name) => [name, figure])) as Record<
    keyof typeof DRIFT_TOLERANCES,
    fc.Arbitrary<string>
  >,
);

describe('drift tolerances never hold back a state', () => {
  test('every level that changed is written, with every figure that moved at all', () => {
    fc.assert(
      fc.property(
        levels,
        levels,
        figures,
        figures,
        (levelsBefore, levelsAfter, figuresBefore, figuresAfter) => {
          const stored = { ...levelsBefore, ...figuresBefore };
          const desired = { ...levelsAfter, ...figuresAfter };
          const written = diffOutputs(stored, desired, now);
          const changedLevels = Object.keys(levelsAfter).filter(
            (name) =>
              levelsAfter[name as keyof typeof levelsAfter] !==
              levelsBefore[name as keyof typeof levelsBefore],
          );
          for (const name of changedLevels) expect(written[name]).toBe(desired[name as keyof typeof desired]);
          if (changedLevels.length > 0) {
            for (const [name, value] of Object.entries(figuresAfter)) {
              if (!sameValue(name, stored[name as keyof typeof stored], value))
                expect(written[name]).toBe(value);
            }
          } else {
            for (const name of Object.keys(levelsAfter)) expect(written).not.toHaveProperty(name);
          }
        },
      ),
    );
  });
});
