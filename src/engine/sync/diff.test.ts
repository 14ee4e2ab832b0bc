import { diffOutputs, diffOutputsWithCauses, sameValue } from './diff';

const now = new Date('2026-11-25T12:00:00.000Z');
const stored = {
  kam_score: '72.5',
  kam_tier: 'important',
  kam_risk_level: 'none',
  kam_scored_at: '2026-11-01T00:00:00.000Z',
};

describe('diffOutputs', () => {
  test('unchanged values write nothing, not even the scored-at time', () => {
    expect(
      diffOutputs(stored, { kam_score: '72.50', kam_tier: 'important', kam_risk_level: 'none' }, now),
    ).toEqual({});
  });

  test('a changed value is written with the scoring time', () => {
    expect(diffOutputs(stored, { kam_score: '75', kam_tier: 'important' }, now)).toEqual({
      kam_score: '75',
      kam_scored_at: now.toISOString(),
    });
  });

  // issue #16: a quiet day must not rewrite the portfolio
  test.each([
    ['a score that drifted less than two points alone writes nothing', { kam_score: '74.4' }, {}],
    ['two points is a change', { kam_score: '74.5' }, { kam_score: '74.5' }],
    ['an axis drifting less than five points writes nothing', { kam_strength: '55.1' }, {}],
    ['an axis five points away is a change', { kam_strength: '55' }, { kam_strength: '55' }],
    ['a risk score less than ten points away writes nothing', { kam_risk_score: '49.9' }, {}],
    ['a risk score ten points away is a change', { kam_risk_score: '50' }, { kam_risk_score: '50' }],
    ['revenue within a tenth writes nothing', { kam_won_revenue_12m: '90001' }, {}],
    ['revenue down a tenth is a change', { kam_won_revenue_12m: '90000' }, { kam_won_revenue_12m: '90000' }],
    ['revenue falling to nothing is a change', { kam_won_revenue_12m: '0' }, { kam_won_revenue_12m: '0' }],
    ['growth within 0.2 writes nothing', { kam_growth: '0.2999' }, {}],
    ['growth 0.2 away is a change', { kam_growth: '0.3' }, { kam_growth: '0.3' }],
    ['growth that became unknown is a change', { kam_growth: '' }, { kam_growth: '' }],
    [
      'a drifted figure that was never written is a change',
      { kam_confidence: '0.8' },
      { kam_confidence: '0.8' },
    ],
    [
      'a drifted score rides along with a real change, so what is stored is one scoring',
      { kam_score: '73.1', kam_risk_level: 'watch' },
      { kam_score: '73.1', kam_risk_level: 'watch' },
    ],
  ])('%s', (_label, desired, written) => {
    const before = {
      ...stored,
      kam_strength: '60',
      kam_risk_score: '40',
      kam_won_revenue_12m: '100000',
      kam_growth: '0.1',
    };
    const changes = diffOutputs(before, { kam_tier: 'important', ...desired }, now);
    expect(changes).toEqual(
      Object.keys(written).length === 0 ? {} : { ...written, kam_scored_at: now.toISOString() },
    );
  });

  test.each([
    ['important', 'key', 'up'],
    ['important', 'regular', 'down'],
  ])('a tier change %s → %s writes the trail with direction %s', (from, to, direction) => {
    expect(diffOutputs({ ...stored, kam_tier: from }, { kam_tier: to }, now)).toEqual({
      kam_tier: to,
      kam_tier_previous: from,
      kam_tier_changed_at: now.toISOString(),
      kam_tier_direction: direction,
      kam_scored_at: now.toISOString(),
    });
  });

  test('a first tier gets a change time but no previous tier or direction', () => {
    expect(diffOutputs({}, { kam_tier: 'key' }, now)).toEqual({
      kam_tier: 'key',
      kam_tier_changed_at: now.toISOString(),
      kam_scored_at: now.toISOString(),
    });
  });

  test('trail properties in the desired values are ignored (only the diff writes them)', () => {
    expect(diffOutputs(stored, { kam_tier: 'important', kam_scored_at: now.toISOString() }, now)).toEqual({});
  });
});

describe('sameValue', () => {
  test.each([
    ['kam_score', '72.5', '72.50', true],
    ['kam_score', '72.5', '72.6', false],
    ['kam_tier_changed_at', '1764072000000', '2025-11-25T12:00:00.000Z', true],
    ['kam_tier_changed_at', '2025-11-25T12:00:00Z', '2025-11-25T12:00:00.000Z', true],
    ['kam_strategy', 'withdraw', 'withdraw', true],
    ['kam_strategy', null, 'withdraw', false],
  ])('%s: stored %s vs %s → %s', (name, storedValue, desired, expected) => {
    expect(sameValue(name, storedValue, desired)).toBe(expected);
  });
});

describe('worded properties', () => {
  const explanation = (days: number, signalId = 'no_recent_contact') =>
    JSON.stringify({
      v: 1,
      factors: { attractiveness: [], strength: [{ id: 'contact_recency', value: 40 }] },
      risk: {
        level: 'watch',
        signals: [{ id: signalId, severity: 'watch', text: { en: `No contact for ${days} days.` } }],
      },
      recommendations: [
        { id: 'call_the_account', priority: 2, title: { en: 'Call' }, reason: { en: `${days} days` } },
      ],
    });
  const storedWorded = {
    kam_explanation: explanation(138),
    kam_risk_reasons: 'No contact for 138 days.',
    kam_top_recommendations: '1. Call — 138 days',
  };

  /** The properties a rescoring one day on writes when it wants this explanation and risk text. */
  const writtenFor = (kamExplanation: string, kamRiskReasons = 'No contact for 139 days.') =>
    Object.keys(
      diffOutputs(
        storedWorded,
        {
          kam_explanation: kamExplanation,
          kam_risk_reasons: kamRiskReasons,
          kam_top_recommendations: '1. Call — 139 days',
        },
        now,
      ),
    ).sort();

  test('a figure that moved in the wording alone is not rewritten', () => {
    expect(writtenFor(explanation(139))).toEqual([]);
  });

  test('a factor figure or the portfolio inputs that moved alone rewrite nothing (quiet decay, issue #16)', () => {
    const moved = JSON.parse(explanation(139)) as {
      factors: { strength: { value: number }[] };
      portfolio?: unknown;
    };
    moved.factors.strength[0]!.value = 39;
    moved.portfolio = { revenueReference: 1000, paretoClass: 'A' };
    expect(writtenFor(JSON.stringify(moved))).toEqual([]);
  });

  test('a factor figure that moved is rewritten with a score that moved, not the texts listing the same signals', () => {
    const moved = JSON.parse(explanation(139)) as { factors: { strength: { value: number }[] } };
    moved.factors.strength[0]!.value = 39;
    const written = diffOutputs(
      { ...storedWorded, kam_score: '60.0' },
      {
        kam_explanation: JSON.stringify(moved),
        kam_risk_reasons: 'No contact for 139 days.',
        kam_top_recommendations: '1. Call — 139 days',
        kam_score: '62',
      },
      now,
    );
    expect(Object.keys(written).sort()).toEqual(['kam_explanation', 'kam_score', 'kam_scored_at']);
  });

  test('a property named to be written always is written when its text differs', () => {
    const moved = JSON.parse(explanation(139)) as { portfolio?: unknown };
    moved.portfolio = { revenueReference: 1000, paretoClass: 'A' };
    const written = diffOutputs(
      storedWorded,
      {
        kam_explanation: JSON.stringify(moved),
        kam_risk_reasons: 'No contact for 139 days.',
        kam_top_recommendations: '1. Call — 139 days',
      },
      now,
      ['kam_explanation'],
    );
    expect(Object.keys(written).sort()).toEqual(['kam_explanation', 'kam_scored_at']);
  });

  test('the same actions at another priority or in another order rewrite nothing', () => {
    const raised = JSON.parse(explanation(139)) as {
      recommendations: { id: string; priority: number; title?: unknown; reason?: unknown }[];
    };
    raised.recommendations[0]!.priority = 1;
    raised.recommendations.unshift({ id: 'build_trust', priority: 1 });
    const stored = JSON.parse(explanation(138)) as { recommendations: { id: string; priority: number }[] };
    stored.recommendations.push({ id: 'build_trust', priority: 3 });
    const written = diffOutputs(
      { ...storedWorded, kam_explanation: JSON.stringify(stored) },
      {
        kam_explanation: JSON.stringify(raised),
        kam_risk_reasons: 'No contact for 139 days.',
        kam_top_recommendations: '1. Build trust 2. Call — 139 days',
      },
      now,
    );
    expect(written).toEqual({});
  });

  test('a new action rewrites the explanation and the texts', () => {
    const more = JSON.parse(explanation(139)) as { recommendations: { id: string; priority: number }[] };
    more.recommendations.push({ id: 'build_trust', priority: 3 });
    expect(writtenFor(JSON.stringify(more))).toEqual([
      'kam_explanation',
      'kam_risk_reasons',
      'kam_scored_at',
      'kam_top_recommendations',
    ]);
  });

  test('a new signal rewrites the explanation and both texts', () => {
    expect(writtenFor(explanation(139, 'ticket_burst'), 'Ticket burst.')).toEqual([
      'kam_explanation',
      'kam_risk_reasons',
      'kam_scored_at',
      'kam_top_recommendations',
    ]);
  });
});

// the quiet-month breakdown (bench:judgement) reads what made a company count as changed
describe('causes of a write', () => {
  const document = (signals: string[], actions: string[], days = 70) =>
    JSON.stringify({
      v: 2,
      attractivenessLevel: 'medium',
      risk: {
        level: 'watch',
        score: 31,
        signals: signals.map((id) => ({ id, severity: 'watch', text: { en: `${days} days` } })),
      },
      recommendations: actions.map((id) => ({ id, priority: 2, reason: { en: `${days} days` } })),
      portfolio: { revenueReference: days },
    });
  const before = {
    kam_score: '60',
    kam_tier: 'important',
    kam_explanation: document(['no_recent_contact'], ['call_the_account']),
    kam_risk_reasons: '70 days',
  };
  const causesOf = (desired: Record<string, string>, alwaysWrite: string[] = []) =>
    diffOutputsWithCauses(before, { kam_tier: 'important', ...desired }, now, alwaysWrite).causes.sort();

  test('nothing written, no cause', () => {
    expect(
      causesOf({
        kam_score: '61',
        kam_explanation: document(['no_recent_contact'], ['call_the_account'], 71),
      }),
    ).toEqual([]);
  });

  test('a level is its own cause; the figures written with it are not causes', () => {
    expect(causesOf({ kam_tier: 'key', kam_score: '61' })).toEqual(['kam_tier']);
  });

  test('a figure past its tolerance is a cause', () => {
    expect(causesOf({ kam_score: '63' })).toEqual(['kam_score']);
  });

  test('an explanation is named by the part whose meaning changed', () => {
    expect(
      causesOf({
        kam_explanation: document(['no_recent_contact'], ['call_the_account', 'build_trust'], 71),
        kam_risk_reasons: '71 days',
      }),
    ).toEqual(['kam_explanation.recommendations', 'kam_risk_reasons']);
    expect(
      causesOf({ kam_explanation: document([], ['call_the_account'], 71), kam_risk_reasons: '' }),
    ).toEqual(['kam_explanation.risk', 'kam_risk_reasons']);
  });

  test('an explanation written always, equal in meaning, is caused by its portfolio inputs', () => {
    expect(
      causesOf({ kam_explanation: document(['no_recent_contact'], ['call_the_account'], 71) }, [
        'kam_explanation',
      ]),
    ).toEqual(['kam_explanation.portfolio']);
  });
});

// methodology §6: the supplier position is an option, written exactly like the quadrant
describe('supplier position', () => {
  const placed = { ...stored, kam_supplier_position: 'managed' };

  test('the same position writes nothing; a new one, or one cleared, is written on its own', () => {
    expect(diffOutputs(placed, { kam_score: '72.5', kam_supplier_position: 'managed' }, now)).toEqual({});
    expect(diffOutputs(placed, { kam_score: '72.5', kam_supplier_position: 'partner' }, now)).toEqual({
      kam_supplier_position: 'partner',
      kam_scored_at: now.toISOString(),
    });
    expect(diffOutputs(placed, { kam_score: '72.5', kam_supplier_position: '' }, now)).toEqual({
      kam_supplier_position: '',
      kam_scored_at: now.toISOString(),
    });
  });

  test('never placed and still unplaced writes nothing (HubSpot holds null, the sync asks for empty)', () => {
    expect(
      diffOutputs({ ...stored, kam_supplier_position: null }, { kam_supplier_position: '' }, now),
    ).toEqual({});
  });
});

// issue #21: kam_buying_centre_gaps is a multi-select; HubSpot may echo its options in another order
describe('buying-centre gaps', () => {
  const mapped = { ...stored, kam_buying_centre_gaps: 'no_sponsor;single_threaded' };

  test('the same gaps in another order write nothing', () => {
    expect(
      diffOutputs(mapped, { kam_score: '72.5', kam_buying_centre_gaps: 'single_threaded;no_sponsor' }, now),
    ).toEqual({});
    expect(sameValue('kam_buying_centre_gaps', 'a;b', 'b;a')).toBe(true);
    expect(sameValue('kam_risk_reasons', 'a;b', 'b;a')).toBe(false);
  });

  test('a gap closed or opened is written; no gaps at all clears the property', () => {
    expect(diffOutputs(mapped, { kam_buying_centre_gaps: 'no_sponsor' }, now)).toEqual({
      kam_buying_centre_gaps: 'no_sponsor',
      kam_scored_at: now.toISOString(),
    });
    expect(diffOutputs(mapped, { kam_buying_centre_gaps: '' }, now)).toEqual({
      kam_buying_centre_gaps: '',
      kam_scored_at: now.toISOString(),
    });
  });

  test('never written and still without gaps writes nothing', () => {
    expect(
      diffOutputs({ ...stored, kam_buying_centre_gaps: null }, { kam_buying_centre_gaps: '' }, now),
    ).toEqual({});
  });
});
