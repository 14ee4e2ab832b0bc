/**
 * Decides what to write: only the output properties whose value changed. A tier change also
 * writes the previous tier, the change time and the direction (the workflow trigger trail);
 * `kam_scored_at` moves only with a real change, so a re-run on unchanged data writes nothing.
 */
import { TIERS, type Tier } from '../core/enums';
import { KAM_OUTPUT_PROPERTIES, type KamOutputPropertyName } from '../hubspot/kam-properties';

export type OutputValues = Partial<Record<KamOutputPropertyName, string>>;

/** Written by the diff itself, never compared: they describe the change, not the score. */
const TRAIL_PROPERTIES = new Set<string>([
  'kam_tier_previous',
  'kam_tier_changed_at',
  'kam_tier_direction',
  'kam_scored_at',
]);

const TYPE_BY_NAME = new Map<string, string>(KAM_OUTPUT_PROPERTIES.map((p) => [p.name, p.type]));
/** Multi-select properties: HubSpot may echo their options in another order. */
const SET_VALUED = new Set<string>(
  KAM_OUTPUT_PROPERTIES.filter((p) => p.fieldType === 'checkbox').map((p) => p.name),
);

const optionSet = (value: string): string =>
  [...new Set(value.split(';').map((part) => part.trim()))].filter(Boolean).sort().join(';');

/** HubSpot may echo numbers and datetimes in another spelling than we wrote them. */
export function sameValue(name: string, stored: string | null | undefined, desired: string): boolean {
  const current = stored ?? '';
  if (current === desired) return true;
  if (current === '' || desired === '') return false;
  if (SET_VALUED.has(name)) return optionSet(current) === optionSet(desired);
  switch (TYPE_BY_NAME.get(name)) {
    case 'number':
      return Number(current) === Number(desired);
    case 'datetime':
    case 'date': {
      // a date is midnight UTC, echoed as `YYYY-MM-DD` or epoch milliseconds
      const toMs = (v: string) => (/^\d+$/.test(v) ? Number(v) : Date.parse(v));
      return toMs(current) === toMs(desired);
    }
    default:
      return false;
  }
}

/**
 * Signal and recommendation texts quote figures that move every day ("no contact for 138
 * days"). They are rewritten only when what they say changes: the two text properties are compared
 * only by which signals (with their severity) and which actions they list; the same actions in
 * another order or at another priority is not news (measured: ~10% of a quiet month's writes were
 * reshuffles). The explanation is compared without its wording,
 * its factor figures and risk points (they drift a point at a time as days pass) and the portfolio inputs it was
 * scored on (they move with every other company); it is rewritten when what it says changes, or
 * together with any other output, so the figures it shows are always those of the stored score.
 */
const WORDED_PROPERTIES = new Set<string>(['kam_explanation', 'kam_risk_reasons', 'kam_top_recommendations']);

type Meaning = { explanation: string; texts: string; parts: Record<string, string> };

function meaningOf(json: string | null | undefined): Meaning | null {
  if (!json) return null;
  try {
    const document = JSON.parse(json) as {
      risk?: {
        signals?: { id?: unknown; severity?: unknown; text?: unknown }[];
        score?: unknown;
        contributions?: unknown;
      };
      recommendations?: { id?: unknown; priority?: unknown; reason?: unknown; title?: unknown }[];
      factors?: Record<string, { value?: unknown; contribution?: unknown }[] | undefined>;
      portfolio?: unknown;
      plan?: { goals?: { actual?: unknown; share?: unknown; elapsed?: unknown }[] };
    };
    const signals = document.risk?.signals ?? [];
    const recommendations = document.recommendations ?? [];
    const texts = JSON.stringify([
      signals.map((signal) => [signal.id, signal.severity]),
      recommendations.map((recommendation) => String(recommendation.id)).sort(),
    ]);
    for (const signal of signals) delete signal.text;
    for (const recommendation of recommendations) {
      delete recommendation.reason;
      delete recommendation.title;
      delete recommendation.priority;
    }
    recommendations.sort((a, b) => String(a.id).localeCompare(String(b.id)));
    for (const factors of Object.values(document.factors ?? {})) {
      for (const factor of factors ?? []) {
        delete factor.value;
        delete factor.contribution;
      }
    }
    delete document.portfolio;
    // a plan goal's figures move every day (time passes, revenue slides); its status and the
    // plan's progress are what it says, and they stay
    for (const goal of document.plan?.goals ?? []) {
      delete goal.actual;
      delete goal.share;
      delete goal.elapsed;
    }
    // the risk score and each sign's points drift like the factor figures; the level and signals stay
    if (document.risk) {
      delete document.risk.score;
      delete document.risk.contributions;
    }
    const parts = Object.fromEntries(
      Object.entries(document as Record<string, unknown>).map(([key, part]) => [key, JSON.stringify(part)]),
    );
    return { explanation: JSON.stringify(document), texts, parts };
  } catch {
    return null;
  }
}

/**
 * What counts as a meaningful change (issue #16, docs/decisions/0008-meaningful-change.md). Figures drift as days pass with no CRM change:
 * contact recency decays, trailing windows slide, deals age out of the 12-month window and every
 * other company's revenue moves the percentiles. A figure is written only once it has moved by its
 * tolerance from what is stored, or together with any other change (a level, a signal, an action),
 * so what is stored is always one consistent scoring. Levels, signals and actions are computed from
 * the exact figures and are never held back: quiet decay surfaces the day it crosses one.
 *
 * Measured on a 30-day quiet month of 400 companies, seed 42 (`npm run bench:judgement`, see the
 * README): the overall score at one point rewrote ~3% of a portfolio a day, at two ~1.5%; axes at
 * two points still rewrote ~3% a day on their own (portfolio-relative revenue moves them), at five
 * (the tier's own dead band) none of the day's writes came from an axis alone.
 */
export const DRIFT_TOLERANCES = {
  /** Whole score points: the score list sorts and tier hysteresis reads it. */
  kam_score: { points: 2 },
  /** The axes act through their levels and the quadrant, which are written exactly. */
  kam_attractiveness: { points: 5 },
  kam_strength: { points: 5 },
  /** Half a risk band (levels cut at 30/50/70); the level is written the day it changes. */
  kam_risk_score: { points: 10 },
  /** A tenth of the revenue: one small deal ageing out of the window is not news by itself. */
  kam_won_revenue_12m: { share: 0.1 },
  /** A fifth of a year's revenue, as a growth ratio: "+5%" and "+20%" tell the same story. */
  kam_growth: { points: 0.2 },
} as const satisfies Partial<Record<KamOutputPropertyName, { points: number } | { share: number }>>;

const DRIFTING: ReadonlyMap<string, { points: number } | { share: number }> = new Map(
  Object.entries(DRIFT_TOLERANCES),
);

function withinTolerance(
  tolerance: { points: number } | { share: number },
  stored: string | null | undefined,
  desired: string,
): boolean {
  if (stored === null || stored === undefined || stored.trim() === '' || desired.trim() === '') return false;
  const before = Number(stored);
  const after = Number(desired);
  if (!Number.isFinite(before) || !Number.isFinite(after)) return false;
  // the margin keeps decimal steps exact: 0.3 − 0.1 is 0.19999… in binary, and a fifth is a fifth
  const margin = 1e-9;
  if ('points' in tolerance) return Math.abs(after - before) < tolerance.points - margin;
  // a share of nothing is nothing: a first or last purchase is always written
  return before > 0 && after > 0 && Math.abs(after - before) < tolerance.share * before - margin;
}

const isTier = (value: string | null | undefined): value is Tier =>
  (TIERS as readonly string[]).includes(value ?? '');

/**
 * The properties to write for one company, or an empty object when nothing changed.
 * `alwaysWrite` names properties written whenever their text differs, even when equal in meaning
 * (the explanation when the portfolio inputs it stores must move).
 */
export function diffOutputs(
  stored: Record<string, string | null>,
  desired: OutputValues,
  now: Date,
  alwaysWrite: readonly string[] = [],
): Record<string, string> {
  return diffOutputsWithCauses(stored, desired, now, alwaysWrite).changes;
}

/**
 * `diffOutputs` with the reasons it writes: the properties whose change alone makes the company
 * count as changed (a figure past its tolerance, a level, a text whose meaning changed). A change
 * of the explanation's meaning is named by the part that changed (`kam_explanation.thresholdTier`),
 * or `kam_explanation.portfolio` when the portfolio inputs it stores had to move. What is written
 * only along with them (figures within tolerance, the trail) is no cause. Empty when nothing changed.
 */
export function diffOutputsWithCauses(
  stored: Record<string, string | null>,
  desired: OutputValues,
  now: Date,
  alwaysWrite: readonly string[] = [],
): { changes: Record<string, string>; causes: string[] } {
  const changes: Record<string, string> = {};
  const storedMeaning = meaningOf(stored.kam_explanation);
  const desiredMeaning = storedMeaning && meaningOf(desired.kam_explanation);
  const sameExplanation = desiredMeaning?.explanation === storedMeaning?.explanation;
  const sameTexts = desiredMeaning?.texts === storedMeaning?.texts;
  let explanationInMeaning: string | undefined;
  const drifted: Record<string, string> = {};
  for (const [name, value] of Object.entries(desired)) {
    if (value === undefined || TRAIL_PROPERTIES.has(name)) continue;
    const tolerance = DRIFTING.get(name);
    if (tolerance !== undefined && withinTolerance(tolerance, stored[name], value)) {
      if (!sameValue(name, stored[name], value)) drifted[name] = value;
      continue;
    }
    if (desiredMeaning && WORDED_PROPERTIES.has(name) && !alwaysWrite.includes(name)) {
      if (name === 'kam_explanation' && sameExplanation) {
        explanationInMeaning = value;
        continue;
      }
      if (name !== 'kam_explanation' && sameTexts) continue;
    }
    if (!sameValue(name, stored[name], value)) changes[name] = value;
  }
  if (Object.keys(changes).length === 0) return { changes, causes: [] };
  const causes = Object.keys(changes).flatMap((name) =>
    name === 'kam_explanation' ? explanationCauses(storedMeaning, desiredMeaning) : [name],
  );
  // written with the rest, so what is stored is one consistent scoring
  Object.assign(changes, drifted);
  if (explanationInMeaning !== undefined && explanationInMeaning !== stored.kam_explanation) {
    changes.kam_explanation = explanationInMeaning;
  }
  const nowIso = now.toISOString();
  const previousTier = stored.kam_tier;
  const nextTier = desired.kam_tier;
  if (nextTier !== undefined && 'kam_tier' in changes) {
    changes.kam_tier_changed_at = nowIso;
    if (isTier(previousTier) && isTier(nextTier)) {
      changes.kam_tier_previous = previousTier;
      // TIERS runs from best to worst: a smaller index is a step up.
      changes.kam_tier_direction = TIERS.indexOf(nextTier) < TIERS.indexOf(previousTier) ? 'up' : 'down';
    }
  }
  changes.kam_scored_at = nowIso;
  return { changes, causes };
}

/** Which parts of the explanation changed in meaning; `portfolio` when only its stored inputs did. */
function explanationCauses(stored: Meaning | null, desired: Meaning | null): string[] {
  if (stored === null || desired === null) return ['kam_explanation'];
  const keys = new Set([...Object.keys(stored.parts), ...Object.keys(desired.parts)]);
  const changed = [...keys].filter((key) => stored.parts[key] !== desired.parts[key]);
  return (changed.length === 0 ? ['portfolio'] : changed).map((key) => `kam_explanation.${key}`);
}
