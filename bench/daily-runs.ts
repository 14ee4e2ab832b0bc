/**
 * Daily syncs simulated offline (issue #16: "a quiet day rewrites much of the portfolio"): the
 * sync's own whole-portfolio scorer and diff, run once a day over a portfolio, each day's writes
 * applied to the stored properties the next day reads. Two kinds of month:
 *
 * - quiet: the portfolio as it stood 30 days before the snapshot, scored day after day with no
 *   new record at all (only time passes);
 * - active: the same 30 days replayed from the snapshot's own history (the backtest's
 *   point-in-time view on each day), so deals close, meetings happen and tickets open as they did.
 */
import { portfolioAsOf } from '../src/engine/backtest/point-in-time';
import type { CompanyRecord } from '../src/engine/core';
import { diffOutputsWithCauses } from '../src/engine/sync/diff';
import { createPortfolioScorer } from '../src/engine/sync/portfolio-scorer';
import type { ScoringModel } from '../src/engine/settings';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Outputs whose change is a change of state a workflow or a manager acts on. */
const LEVEL_PROPERTIES = [
  'kam_tier',
  'kam_risk_level',
  'kam_loss_stage',
  'kam_quadrant',
  'kam_strategy',
  'kam_pareto_class',
] as const;

/**
 * What made a company count as changed, most telling first: a write is put under the first kind any
 * of its causes (`diffOutputsWithCauses`) belongs to. Signals and actions are read from the
 * explanation's meaning (their ids and severities), not from the two texts, which are rewritten
 * together whenever either set changes.
 */
export const CHANGE_KINDS = [
  { kind: 'tier', causes: ['kam_tier'] },
  { kind: 'risk level', causes: ['kam_risk_level'] },
  { kind: 'loss stage', causes: ['kam_loss_stage'] },
  { kind: 'quadrant', causes: ['kam_quadrant'] },
  { kind: 'strategy', causes: ['kam_strategy'] },
  { kind: 'Pareto class', causes: ['kam_pareto_class'] },
  { kind: 'signal set', causes: ['kam_explanation.risk'] },
  { kind: 'action set', causes: ['kam_explanation.recommendations'] },
  { kind: 'supplier position', causes: ['kam_supplier_position', 'kam_explanation.position'] },
  {
    kind: 'axis level or tier by threshold',
    causes: [
      'kam_explanation.attractivenessLevel',
      'kam_explanation.strengthLevel',
      'kam_explanation.thresholdTier',
    ],
  },
  {
    kind: 'score figures',
    causes: ['kam_score', 'kam_attractiveness', 'kam_strength', 'kam_risk_score'],
  },
  {
    kind: 'revenue figures',
    causes: ['kam_won_revenue_12m', 'kam_growth', 'kam_explanation.revenueByYear'],
  },
  {
    kind: 'confidence or data gaps',
    causes: ['kam_confidence', 'kam_explanation.dataGaps', 'kam_explanation.dataIssueCount'],
  },
  { kind: 'portfolio inputs (line moved)', causes: ['kam_explanation.portfolio'] },
  // rewritten whenever either set above changed, so never a cause of their own when those are there
  { kind: 'signal or action texts', causes: ['kam_risk_reasons', 'kam_top_recommendations'] },
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number]['kind'] | 'other';

const KIND_OF_CAUSE = new Map<string, ChangeKind>(
  CHANGE_KINDS.flatMap(({ kind, causes }) => causes.map((cause) => [cause, kind] as const)),
);
const KIND_ORDER: readonly ChangeKind[] = [...CHANGE_KINDS.map(({ kind }) => kind), 'other'];

/** The kind a write counts under: the first in `CHANGE_KINDS` order any of its causes has. */
export function kindOfWrite(causes: readonly string[]): ChangeKind {
  const kinds = new Set(causes.map((cause) => KIND_OF_CAUSE.get(cause) ?? 'other'));
  return KIND_ORDER.find((kind) => kinds.has(kind)) ?? 'other';
}

export const ALL_CHANGE_KINDS = KIND_ORDER;

export type DayFigures = {
  day: number;
  /** Companies with at least one property written. */
  written: number;
  /** Of those, companies with a new or changed record that day (active month only). */
  writtenWithActivity: number;
  /** Companies whose tier, risk level, loss stage, quadrant, strategy or Pareto class changed. */
  levelChanges: number;
  /**
   * Companies with a change of state: a level above, or a signal or action that appeared or went
   * (the diff writes the two texts only then). The rest of the day's writes are figures that moved
   * past their tolerance.
   */
  stateChanges: number;
  /** Companies whose tier changed (what tier workflows see). */
  tierChanges: number;
  /** Companies whose risk level changed. */
  riskLevelChanges: number;
  /** Properties written, by name. */
  byProperty: Record<string, number>;
  /** Companies written, by the first kind of change that made them count as changed. */
  byKind: Partial<Record<ChangeKind, number>>;
  /** Companies written, by every kind of change they carried (a company may count under several). */
  byKindAny: Partial<Record<ChangeKind, number>>;
  /**
   * Of `byKind`, the writes of a state (a level, the signal set, the action set) back to one the
   * company already held earlier in the month: a flip-flop, not a drift in one direction.
   */
  returnsByKind: Partial<Record<ChangeKind, number>>;
};

const LEVEL_OF_KIND: Partial<Record<ChangeKind, string>> = {
  tier: 'kam_tier',
  'risk level': 'kam_risk_level',
  'loss stage': 'kam_loss_stage',
  quadrant: 'kam_quadrant',
  strategy: 'kam_strategy',
  'Pareto class': 'kam_pareto_class',
};

/** The state a kind of change is about, as stored (undefined: the kind is no state). */
function stateOf(kind: ChangeKind, properties: Record<string, string | null>): string | undefined {
  const level = LEVEL_OF_KIND[kind];
  if (level !== undefined) return properties[level] ?? '';
  if (kind !== 'signal set' && kind !== 'action set') return undefined;
  try {
    const document = JSON.parse(properties.kam_explanation ?? '{}') as {
      risk?: { signals?: { id: string; severity: string }[] };
      recommendations?: { id: string }[];
    };
    const items =
      kind === 'signal set'
        ? (document.risk?.signals ?? []).map((signal) => `${signal.id}:${signal.severity}`)
        : (document.recommendations ?? []).map((recommendation) => recommendation.id);
    return items.sort().join(',');
  } catch {
    return '';
  }
}

const STATE_KINDS: readonly ChangeKind[] = [
  ...(Object.keys(LEVEL_OF_KIND) as ChangeKind[]),
  'signal set',
  'action set',
];

export type MonthFigures = { companies: number; days: DayFigures[] };

/** A record's fingerprint: what changes when HubSpot would report the company's data as changed. */
function fingerprintOf(company: CompanyRecord): string {
  return JSON.stringify([company.deals, company.tickets, company.meetings, company.contacts]);
}

/**
 * Runs a first sync at `start`, then one a day for `days` days. `viewOn(dayMs)` gives the
 * portfolio's records as they stand that day (the stored outputs are merged in by the simulation).
 */
export function simulateDailySyncs(options: {
  model: ScoringModel;
  start: Date;
  days: number;
  viewOn: (at: Date) => readonly CompanyRecord[];
  /** Told of every write (for a closer look at what moved). */
  onWrite?: (
    companyId: string,
    changes: Record<string, string>,
    before: Record<string, string | null>,
    causes: readonly string[],
  ) => void;
}): MonthFigures {
  const stored = new Map<string, Record<string, string | null>>();
  /** Every state each company held this month, by kind. */
  const heldStates = new Map<string, Map<ChangeKind, Set<string>>>();
  const remember = (id: string, properties: Record<string, string | null>): void => {
    const held = heldStates.get(id) ?? new Map<ChangeKind, Set<string>>();
    heldStates.set(id, held);
    for (const kind of STATE_KINDS) {
      const state = stateOf(kind, properties);
      if (state === undefined) continue;
      const states = held.get(kind) ?? new Set<string>();
      states.add(state);
      held.set(kind, states);
    }
  };
  const fingerprints = new Map<string, string>();
  const syncOn = (at: Date, day: number): DayFigures => {
    const view = options.viewOn(at);
    const companies = view.map((company) => ({
      ...company,
      properties: { ...company.properties, ...(stored.get(company.id) ?? {}) },
    }));
    const scoring = createPortfolioScorer(options.model)({ now: at, paretoFromStored: false });
    scoring.add(companies);
    const figures: DayFigures = {
      day,
      written: 0,
      writtenWithActivity: 0,
      levelChanges: 0,
      stateChanges: 0,
      tierChanges: 0,
      riskLevelChanges: 0,
      byProperty: {},
      byKind: {},
      byKindAny: {},
      returnsByKind: {},
    };
    const byId = new Map(companies.map((company) => [company.id, company]));
    for (const scored of scoring.finish().scored) {
      const before = stored.get(scored.id) ?? {};
      const company = byId.get(scored.id)!;
      const { changes, causes } = diffOutputsWithCauses(
        { ...company.properties, ...before },
        scored.desired,
        at,
        scored.alwaysWrite,
      );
      const fingerprint = fingerprintOf(company);
      const hadActivity = fingerprints.has(scored.id) && fingerprints.get(scored.id) !== fingerprint;
      fingerprints.set(scored.id, fingerprint);
      const names = Object.keys(changes);
      if (names.length === 0) continue;
      if (day > 0) options.onWrite?.(scored.id, changes, { ...company.properties, ...before }, causes);
      const kind = kindOfWrite(causes);
      figures.byKind[kind] = (figures.byKind[kind] ?? 0) + 1;
      for (const any of new Set(causes.map((cause) => kindOfWrite([cause])))) {
        figures.byKindAny[any] = (figures.byKindAny[any] ?? 0) + 1;
      }
      figures.written += 1;
      if (hadActivity) figures.writtenWithActivity += 1;
      if (LEVEL_PROPERTIES.some((name) => name in changes && (before[name] ?? null) !== null)) {
        figures.levelChanges += 1;
        figures.stateChanges += 1;
      } else if ('kam_risk_reasons' in changes || 'kam_top_recommendations' in changes) {
        figures.stateChanges += 1;
      }
      if ('kam_tier' in changes && before.kam_tier) figures.tierChanges += 1;
      if ('kam_risk_level' in changes && before.kam_risk_level) figures.riskLevelChanges += 1;
      for (const name of names) figures.byProperty[name] = (figures.byProperty[name] ?? 0) + 1;
      const after = { ...company.properties, ...before, ...changes };
      const state = stateOf(kind, after);
      if (state !== undefined && heldStates.get(scored.id)?.get(kind)?.has(state) === true) {
        figures.returnsByKind[kind] = (figures.returnsByKind[kind] ?? 0) + 1;
      }
      remember(scored.id, after);
      stored.set(scored.id, { ...before, ...changes });
    }
    return figures;
  };
  syncOn(options.start, 0);
  const days: DayFigures[] = [];
  for (let day = 1; day <= options.days; day += 1) {
    days.push(syncOn(new Date(options.start.getTime() + day * DAY_MS), day));
  }
  return { companies: options.viewOn(options.start).length, days };
}

/** 30 days with no new record: the portfolio as of `days` before `now`, scored each day up to `now`. */
export function quietMonth(companies: readonly CompanyRecord[], now: Date, model: ScoringModel, days = 30) {
  const start = new Date(now.getTime() - days * DAY_MS);
  const frozen = portfolioAsOf(companies, start);
  return simulateDailySyncs({ model, start, days, viewOn: () => frozen });
}

/** The last `days` days of the portfolio's own history, replayed a day at a time. */
export function activeMonth(companies: readonly CompanyRecord[], now: Date, model: ScoringModel, days = 30) {
  const start = new Date(now.getTime() - days * DAY_MS);
  return simulateDailySyncs({ model, start, days, viewOn: (at) => portfolioAsOf(companies, at) });
}
