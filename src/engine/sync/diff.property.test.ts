/**
 * Issue #16: drift tolerances hold back figures, never states. Whatever the figures do, a change of
 * tier, risk level, loss stage, quadrant, strategy or Pareto class is written the day it happens,
 * and every figure that differs from what is stored is written with it; a signal or action that
 * appeared or went is written however the texts' figures drifted, and drift alone writes nothing.
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

describe('the explanation never holds back a signal or an action', () => {
  const signalIds = ['no_recent_contact', 'volume_decline', 'meeting_problems', 'ticket_burst'] as const;
  const actionIds = [
    'grow_share_of_wallet',
    'build_trust',
    'consistent_communication',
    'exit_barriers',
  ] as const;
  const signalSet = fc
    .uniqueArray(
      fc.record({
        id: fc.constantFrom(...signalIds),
        severity: fc.constantFrom('watch', 'at_risk', 'critical'),
      }),
      { selector: (signal) => signal.id, maxLength: signalIds.length },
      // the core raises signals in its rules' order
    )
    .map((signals) => signals.sort((a, b) => signalIds.indexOf(a.id) - signalIds.indexOf(b.id)));
  const actionSet = fc.uniqueArray(
    fc.record({ id: fc.constantFrom(...actionIds), priority: fc.constantFrom(1, 2, 3) }),
    { selector: (action) => action.id, maxLength: actionIds.length },
  );
  // what drifts as days pass: the days in every text, factor figures, risk points, portfolio inputs
  const drift = fc.record({
    days: fc.integer({ min: 1, max: 400 }),
    factor: fc.integer({ min: 0, max: 100 }),
    riskScore: fc.integer({ min: 0, max: 100 }),
    reference: fc.integer({ min: 1, max: 1e6 }),
  });
  const documentOf = (
    signals: { id: string; severity: string }[],
    actions: { id: string; priority: number }[],
    d: { days: number; factor: number; riskScore: number; reference: number },
  ) =>
    JSON.stringify({
      v: 2,
      factors: {
        attractiveness: [{ id: 'revenue', value: d.factor, contribution: d.factor / 10 }],
        strength: [],
      },
      risk: {
        level: 'watch',
        score: d.riskScore,
        signals: signals.map((signal) => ({ ...signal, text: { en: `${signal.id} for ${d.days} days` } })),
      },
      recommendations: actions.map((action) => ({ ...action, reason: { en: `${d.days} days` } })),
      portfolio: { revenueReference: d.reference },
    });
  const valuesOf = (
    signals: { id: string; severity: string }[],
    actions: { id: string; priority: number }[],
    d: { days: number; factor: number; riskScore: number; reference: number },
  ) => ({
    kam_tier: 'important',
    kam_risk_level: 'watch',
    kam_explanation: documentOf(signals, actions, d),
    kam_risk_reasons: signals.map((signal) => `${signal.id} for ${d.days} days`).join('\n'),
    kam_top_recommendations: actions.map((action) => `${action.id}: ${d.days} days`).join('\n'),
  });
  const setOf = (items: { id: string; severity?: string }[]) =>
    JSON.stringify(items.map((item) => `${item.id}:${item.severity ?? ''}`).sort());

  test('a signal or action that appeared or went, or a severity that changed, is written; drift alone is not', () => {
    fc.assert(
      fc.property(
        signalSet,
        signalSet,
        actionSet,
        actionSet,
        drift,
        drift,
        (signalsBefore, signalsAfter, actionsBefore, actionsAfter, driftBefore, driftAfter) => {
          const stored = valuesOf(signalsBefore, actionsBefore, driftBefore);
          const desired = valuesOf(signalsAfter, actionsAfter, driftAfter);
          const written = diffOutputs(stored, desired, now);
          const changed =
            setOf(signalsBefore) !== setOf(signalsAfter) ||
            setOf(actionsBefore.map(({ id }) => ({ id }))) !== setOf(actionsAfter.map(({ id }) => ({ id })));
          if (changed) {
            expect(written.kam_explanation).toBe(desired.kam_explanation);
            if (desired.kam_risk_reasons !== stored.kam_risk_reasons)
              expect(written.kam_risk_reasons).toBe(desired.kam_risk_reasons);
          } else {
            expect(written).toEqual({});
          }
        },
      ),
    );
  });
});
