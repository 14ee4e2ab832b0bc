/**
 * Reads the stored `kam_*` properties of the company into what the card shows. This is the fast
 * path: the card never calls a function to display a score. HubSpot sends every value as a string
 * (or null); anything that does not parse becomes "unknown" here rather than a broken card.
 */
import {
  activePinOf,
  explanationSchema,
  type Explanation,
  KAM_OUTPUT_PROPERTY_NAMES,
  KAM_PIN_PROPERTY_NAMES,
  KAISM_QUADRANTS,
  RISK_LEVELS,
  STRATEGIES,
  SUPPLIER_POSITIONS,
  TIERS,
  type KaismQuadrant,
  type RiskLevel,
  type Strategy,
  type SupplierPosition,
  type Tier,
} from '@keystone/shared';
import { readPlanSummary, type PlanSummary } from './plan-view';

/** What the card asks `useCrmProperties` for. */
export const CARD_PROPERTIES: string[] = [
  'hs_object_id',
  ...KAM_OUTPUT_PROPERTY_NAMES,
  ...KAM_PIN_PROPERTY_NAMES,
];

/** A manager's tier pin in force: `kam_tier` then shows it, and the model's own tier is `computedTier`. */
export type TierPinView = {
  tier: Tier;
  strategy: Strategy | null;
  reason: string | null;
  /** ISO timestamp; null when the pin has no end date. */
  expiresAt: string | null;
  pinnedBy: string | null;
};

export type ExplanationState =
  { status: 'ok'; explanation: Explanation } | { status: 'missing' } | { status: 'corrupt'; reason: string };

export type ScoredRecord = {
  isScored: true;
  score: number | null;
  attractiveness: number | null;
  strength: number | null;
  confidence: number | null;
  tier: Tier | null;
  /** What the model computed (`kam_tier_computed`); differs from `tier` only under a pin. */
  computedTier: Tier | null;
  /** The pin in force, or null (none, or lapsed: a lapsed pin stays on the record as history). */
  pin: TierPinView | null;
  quadrant: KaismQuadrant | null;
  strategy: Strategy | null;
  /** methodology §6 (`kam_supplier_position`); null until both manager inputs are set. */
  supplierPosition: SupplierPosition | null;
  riskLevel: RiskLevel | null;
  lossStage: number | null;
  /** `kam_risk_reasons`, one signal per line (English); used when the explanation is unreadable. */
  riskReasons: string[];
  /** `kam_top_recommendations`, one per line (English); used when the explanation is unreadable. */
  topRecommendations: string[];
  modelVersion: string | null;
  scoredAt: string | null;
  wonRevenue12m: number | null;
  growth: number | null;
  explanation: ExplanationState;
  /** kam_plan_* and the explanation's plan block (the account plan's summary). */
  plan: PlanSummary;
};

export type KamRecord = { isScored: false } | ScoredRecord;

type Properties = Readonly<Record<string, string | null | undefined>>;

const text = (properties: Properties, name: string): string | null => {
  const value = properties[name]?.trim();
  return value ? value : null;
};

const number = (properties: Properties, name: string): number | null => {
  const value = text(properties, name);
  if (value === null) return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};

function oneOf<const T extends readonly string[]>(values: T, raw: string | null): T[number] | null {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T[number]) : null;
}

const lines = (raw: string | null): string[] =>
  (raw ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** Parses `kam_explanation`; a document the card cannot read is reported with the reason, never thrown. */
export function readExplanation(raw: string | null): ExplanationState {
  if (raw === null) return { status: 'missing' };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { status: 'corrupt', reason: 'not valid JSON' };
  }
  const parsed = explanationSchema.safeParse(json);
  if (parsed.success) return { status: 'ok', explanation: parsed.data };
  const [issue] = parsed.error.issues;
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { status: 'corrupt', reason: `${where}${issue?.message ?? 'unexpected shape'}` };
}

/** The pin in force, by the core's own rule (`activePinOf`); empty texts read as unknown. */
export function readActivePin(properties: Properties, now: Date): TierPinView | null {
  const pin = activePinOf(properties, now);
  if (!pin) return null;
  return { ...pin, reason: pin.reason || null, pinnedBy: pin.pinnedBy || null };
}

/** `now` decides whether a recorded pin is still in force; the card passes the browser's clock. */
export function readKamRecord(properties: Properties, now: Date = new Date()): KamRecord {
  const scoredAt = text(properties, 'kam_scored_at');
  const score = number(properties, 'kam_score');
  if (scoredAt === null && score === null) return { isScored: false };
  return {
    isScored: true,
    score,
    attractiveness: number(properties, 'kam_attractiveness'),
    strength: number(properties, 'kam_strength'),
    confidence: number(properties, 'kam_confidence'),
    tier: oneOf(TIERS, text(properties, 'kam_tier')),
    computedTier: oneOf(TIERS, text(properties, 'kam_tier_computed')),
    pin: readActivePin(properties, now),
    quadrant: oneOf(KAISM_QUADRANTS, text(properties, 'kam_quadrant')),
    strategy: oneOf(STRATEGIES, text(properties, 'kam_strategy')),
    supplierPosition: oneOf(SUPPLIER_POSITIONS, text(properties, 'kam_supplier_position')),
    riskLevel: oneOf(RISK_LEVELS, text(properties, 'kam_risk_level')),
    lossStage: number(properties, 'kam_loss_stage'),
    riskReasons: lines(text(properties, 'kam_risk_reasons')),
    topRecommendations: lines(text(properties, 'kam_top_recommendations')),
    modelVersion: text(properties, 'kam_model_version'),
    scoredAt,
    wonRevenue12m: number(properties, 'kam_won_revenue_12m'),
    growth: number(properties, 'kam_growth'),
    explanation: readExplanation(text(properties, 'kam_explanation')),
    plan: readPlanSummary(properties),
  };
}
