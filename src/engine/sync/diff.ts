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

/** HubSpot may echo numbers and datetimes in another spelling than we wrote them. */
export function sameValue(name: string, stored: string | null | undefined, desired: string): boolean {
  const current = stored ?? '';
  if (current === desired) return true;
  if (current === '' || desired === '') return false;
  switch (TYPE_BY_NAME.get(name)) {
    case 'number':
      return Number(current) === Number(desired);
    case 'datetime': {
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
 * only by which signals and actions they list. The explanation is compared without its wording,
 * its factor figures and risk points (they drift a point at a time as days pass) and the portfolio inputs it was
 * scored on (they move with every other company); it is rewritten when what it says changes, or
 * together with any other output, so the figures it shows are always those of the stored score.
 */
const WORDED_PROPERTIES = new Set<string>(['kam_explanation', 'kam_risk_reasons', 'kam_top_recommendations']);

type Meaning = { explanation: string; texts: string };

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
    };
    const signals = document.risk?.signals ?? [];
    const recommendations = document.recommendations ?? [];
    const texts = JSON.stringify([
      signals.map((signal) => [signal.id, signal.severity]),
      recommendations.map((recommendation) => [recommendation.id, recommendation.priority]),
    ]);
    for (const signal of signals) delete signal.text;
    for (const recommendation of recommendations) {
      delete recommendation.reason;
      delete recommendation.title;
    }
    for (const factors of Object.values(document.factors ?? {})) {
      for (const factor of factors ?? []) {
        delete factor.value;
        delete factor.contribution;
      }
    }
    delete document.portfolio;
    // the risk score and each sign's points drift like the factor figures; the level and signals stay
    if (document.risk) {
      delete document.risk.score;
      delete document.risk.contributions;
    }
    return { explanation: JSON.stringify(document), texts };
  } catch {
    return null;
  }
}

/**
 * What counts as a meaningful change (issue #16): the overall and axis scores drift by tenths a
 * day as days pass without contact and trailing windows slide. They are written only once they
 * have moved two points from what is stored (measured: one point still rewrote ~3% of a quiet
 * portfolio a day, two points ~1.5%; the tier's own dead band is 5), or together with any other
 * change (a tier, a risk level, a signal, a figure), so what is stored is always one consistent
 * scoring. Levels are computed from the exact scores and are never held back: quiet decay
 * surfaces the day it crosses one.
 */
const SCORE_POINTS_WORTH_WRITING = 2;
/**
 * The risk score climbs a little every day an account stays silent; its level (cut from the exact
 * score) is what workflows and the card act on, and is written the day it changes.
 */
const RISK_SCORE_POINTS_WORTH_WRITING = 5;
const DRIFTING_SCORES: ReadonlyMap<string, number> = new Map([
  ['kam_score', SCORE_POINTS_WORTH_WRITING],
  ['kam_attractiveness', SCORE_POINTS_WORTH_WRITING],
  ['kam_strength', SCORE_POINTS_WORTH_WRITING],
  ['kam_risk_score', RISK_SCORE_POINTS_WORTH_WRITING],
]);

function movedLessThan(points: number, stored: string | null | undefined, desired: string): boolean {
  const before = Number(stored);
  const after = Number(desired);
  return (
    stored !== null &&
    stored !== undefined &&
    stored.trim() !== '' &&
    Number.isFinite(before) &&
    Number.isFinite(after) &&
    Math.abs(after - before) < points
  );
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
  const changes: Record<string, string> = {};
  const storedMeaning = meaningOf(stored.kam_explanation);
  const desiredMeaning = storedMeaning && meaningOf(desired.kam_explanation);
  const sameExplanation = desiredMeaning?.explanation === storedMeaning?.explanation;
  const sameTexts = desiredMeaning?.texts === storedMeaning?.texts;
  let explanationInMeaning: string | undefined;
  const drifted: Record<string, string> = {};
  for (const [name, value] of Object.entries(desired)) {
    if (value === undefined || TRAIL_PROPERTIES.has(name)) continue;
    const worthWriting = DRIFTING_SCORES.get(name);
    if (worthWriting !== undefined && movedLessThan(worthWriting, stored[name], value)) {
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
  if (Object.keys(changes).length === 0) return {};
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
  return changes;
}
