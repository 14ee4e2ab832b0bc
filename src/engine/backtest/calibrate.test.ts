import { generateLatentCompanies } from '../../../emulator/generator/latent-health';
import { RISK_SCORE_SIGNALS } from '../core/enums';
import type { CompanyRecord } from '../core/snapshot';
import { DEFAULT_SCORING_MODEL, validateModel } from '../settings';
import { MIN_DECLINES, calibrateRiskWeights, rollingAsOfDates } from './calibrate';

const NOW = new Date('2026-06-30T00:00:00.000Z');
const portfolio = (companies: number, seed: number) =>
  [...generateLatentCompanies({ companies, seed, now: NOW })].map((g) => g.company as CompanyRecord);
const COMPANIES = portfolio(300, 31);
const input = {
  companies: COMPANIES,
  now: NOW,
  horizonMonths: 12,
  declineShare: 0.5,
  stepMonths: 3,
  activeModel: DEFAULT_SCORING_MODEL,
};

describe('kam calibrate (issue #17)', () => {
  const first = calibrateRiskWeights(input);

  test('fits non-negative weights, writes a valid draft that records what it was fitted on', () => {
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    const draft = first.value.draftModel;
    expect(validateModel(JSON.parse(JSON.stringify(draft)))).toMatchObject({ ok: true });
    for (const id of RISK_SCORE_SIGNALS) expect(draft.riskScore.signals[id].weight).toBeGreaterThanOrEqual(0);
    const calibration = draft.riskScore.calibration!;
    expect(calibration).toMatchObject({
      method: 'monotone-logistic-l2',
      fittedAt: NOW.toISOString(),
      horizonMonths: 12,
      declineShare: 0.5,
      examples: first.value.examples,
      declines: first.value.declines,
    });
    expect(calibration.asOfDates).toEqual(first.value.asOfDates);
    const levelAccounts = Object.values(calibration.levels).reduce((sum, level) => sum + level.accounts, 0);
    expect(levelAccounts).toBeGreaterThan(0);
    // the loss reason never shows at a past as-of date (it is today's judgement): it keeps its weight
    expect(draft.riskScore.signals.loss_reason_recorded.weight).toBe(
      DEFAULT_SCORING_MODEL.riskScore.signals.loss_reason_recorded.weight,
    );
  });

  test('judges the draft out of time: each evaluation date has two fitted dates whose horizon ended by then', () => {
    if (!first.ok) throw new Error('refused');
    const firstDate = Date.parse(first.value.asOfDates[0]!);
    for (const date of first.value.evaluationDates) {
      // the second as-of date (3 months on) plus its 12-month horizon: 15 months at least
      expect(Date.parse(date) - firstDate).toBeGreaterThanOrEqual(455 * 86_400_000);
    }
    expect(first.value.draft.crossValidatedAuc).not.toBeNull();
    expect(first.value.active.reliability.map((row) => row.level)).toEqual([
      'none',
      'watch',
      'at_risk',
      'critical',
    ]);
  });

  test('is deterministic for the same data', () => {
    const second = calibrateRiskWeights(input);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  test('refuses, with the counts, when the history has too few declines', () => {
    const small = calibrateRiskWeights({ ...input, companies: portfolio(25, 31) });
    expect(small.ok).toBe(false);
    if (small.ok) return;
    const declines = small.issues.find((issue) => issue.path === 'declines');
    expect(declines?.message).toMatch(
      new RegExp(
        `^\\d+ declines in \\d+ account-dates over \\d+ as-of date\\(s\\); at least ${MIN_DECLINES} are needed`,
      ),
    );
  });

  test('refuses a history too short to judge a fit out of time', () => {
    const short = calibrateRiskWeights({ ...input, now: NOW, horizonMonths: 36 });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.issues.map((issue) => issue.path)).toContain('history');
  });

  test('as-of dates step back from now − horizon while a year of history lies before them', () => {
    const dates = rollingAsOfDates(COMPANIES, NOW, 12, 6).map((date) => date.toISOString().slice(0, 10));
    expect(dates[dates.length - 1]).toBe('2025-06-30');
    expect(dates).toEqual([...dates].sort());
    expect(rollingAsOfDates([], NOW, 12, 3)).toEqual([]);
  });
});
