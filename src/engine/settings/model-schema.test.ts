import { DEFAULT_SCORING_MODEL } from './default-model';
import { validateModel, type ScoringModel } from './model-schema';

type Mutation = (model: ScoringModel) => void;

const clone = (): ScoringModel => structuredClone(DEFAULT_SCORING_MODEL);

function issuesAfter(mutate: Mutation) {
  const model = clone();
  mutate(model);
  const result = validateModel(model);
  return result.ok ? [] : result.issues;
}

describe('validateModel', () => {
  test('accepts the shipped default model unchanged', () => {
    const result = validateModel(DEFAULT_SCORING_MODEL);
    expect(result).toEqual({ ok: true, value: DEFAULT_SCORING_MODEL });
  });

  test.each<[string, Mutation, string]>([
    [
      'a negative factor weight',
      (m) => void (m.weights.attractiveness.revenue = -1),
      'weights.attractiveness.revenue',
    ],
    [
      'a weight that is not a number',
      (m) => void ((m.weights.strength as Record<string, unknown>).tenure = 'x'),
      'weights.strength.tenure',
    ],
    [
      'an axis whose weights are all zero',
      (m) =>
        void Object.keys(m.weights.strength).forEach(
          (k) => ((m.weights.strength as Record<string, number>)[k] = 0),
        ),
      'weights.strength',
    ],
    [
      'both axis weights zero',
      (m) => void (m.axisWeights = { attractiveness: 0, strength: 0 }),
      'axisWeights',
    ],
    [
      'tier thresholds out of order',
      (m) => void (m.tiers = { ...m.tiers, key: 40, important: 60, hysteresis: 5 }),
      'tiers.key',
    ],
    ['a threshold above 100', (m) => void (m.tiers.key = 120), 'tiers.key'],
    [
      'axis levels out of order',
      (m) => void (m.axisLevels.strength = { medium: 70, strong: 40 }),
      'axisLevels.strength.strong',
    ],
    ['Pareto B below A', (m) => void (m.pareto = { a: 0.9, b: 0.8 }), 'pareto.b'],
    ['a Pareto share above 1', (m) => void (m.pareto.a = 1.5), 'pareto.a'],
    [
      'severe decline not above decline',
      (m) => void (m.risk.severeVolumeDeclineShare = 0.2),
      'risk.severeVolumeDeclineShare',
    ],
    ['contact days out of order', (m) => void (m.risk.noContactDaysAtRisk = 30), 'risk.noContactDaysAtRisk'],
    ['a lower-case currency', (m) => void (m.homeCurrency = 'eur'), 'homeCurrency'],
    ['an empty version', (m) => void (m.version = ''), 'version'],
    ['a fractional window', (m) => void (m.windows.activityDays = 90.5), 'windows.activityDays'],
    [
      'an unknown buying role',
      (m) => void (m.buyingCentre.keyRoles as string[]).push('GURU'),
      'buyingCentre.keyRoles.5',
    ],
    [
      'the blocker as a role to cover',
      (m) => void m.buyingCentre.keyRoles.push('BLOCKER'),
      'buyingCentre.keyRoles',
    ],
    [
      'an unknown field (a typo)',
      (m) => void ((m.weights.attractiveness as Record<string, number>).revenu = 3),
      'weights.attractiveness.revenu',
    ],
    [
      'a missing field',
      (m) => void delete (m.scales as Partial<ScoringModel['scales']>).blockerPenalty,
      'scales.blockerPenalty',
    ],
  ])('rejects %s and names the field path', (_label, mutate, path) => {
    const issues = issuesAfter(mutate);
    expect(issues.map((issue) => issue.path)).toContain(path);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0);
  });

  test('rejects something that is not an object', () => {
    const result = validateModel('weights');
    expect(result.ok).toBe(false);
  });

  test('accepts weights that do not sum to anything in particular (they are renormalised)', () => {
    expect(issuesAfter((m) => void (m.weights.attractiveness.revenue = 1000))).toEqual([]);
  });
});
