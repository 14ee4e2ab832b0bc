import fc from 'fast-check';
import {
  ATTITUDES,
  CAREER_STAGES,
  HUBSPOT_BUYING_ROLES,
  INFLUENCE_LEVELS,
  ORGANISATION_GAPS,
  ORGANISATION_MAP_GROUPS,
} from './enums';
import { ORGANISATION_GAP_TEXTS, ORGANISATION_GROUP_LABELS } from './catalogue-texts';
import {
  groupsOf,
  mapContactOf,
  organisationGapIds,
  organisationMap,
  type MapContact,
} from './organisation-map';

const NOW = Date.parse('2026-06-30T00:00:00Z');
const DAY = 86_400_000;

const contact = (id: string, parts: Partial<MapContact> = {}): MapContact => ({
  id,
  roles: [],
  influence: null,
  attitude: null,
  career: null,
  lastContactedAt: NOW - 10 * DAY,
  ...parts,
});

const gapIds = (contacts: MapContact[]) =>
  organisationMap(contacts, { nowMs: NOW }).gaps.map((gap) => gap.id);

describe('groupsOf: buying role, with the manager’s judgement first', () => {
  test.each([
    [{ roles: ['DECISION_MAKER'] }, ['decision_maker']],
    [{ roles: ['BUDGET_HOLDER'] }, ['decision_maker']],
    [{ roles: ['INFLUENCER'] }, ['influencer']],
    [{ influence: 'high' }, ['influencer']],
    [{ roles: ['DECISION_MAKER'], influence: 'high' }, ['decision_maker']],
    [{ roles: ['CHAMPION'] }, ['sponsor']],
    [{ roles: ['EXECUTIVE_SPONSOR'], attitude: 'critic' }, []],
    [{ attitude: 'sponsor' }, ['sponsor']],
    [{ roles: ['BLOCKER'] }, ['anti_sponsor']],
    [{ roles: ['BLOCKER'], attitude: 'neutral' }, []],
    [{ roles: ['BLOCKER'], attitude: 'critic' }, ['anti_sponsor']],
    [{ attitude: 'anti_sponsor' }, ['anti_sponsor']],
    [
      { roles: ['DECISION_MAKER'], attitude: 'sponsor', career: 'setting_star' },
      ['decision_maker', 'sponsor', 'setting_star'],
    ],
    [{ career: 'rising_star' }, ['rising_star']],
    [{ roles: ['END_USER'], attitude: 'supporter', influence: 'low' }, []],
  ] as [Partial<MapContact>, string[]][])('%j → %j', (parts, groups) => {
    expect(groupsOf(contact('1', parts))).toEqual(groups);
  });
});

describe('organisationMap', () => {
  test('groups people, most influential and most recently contacted first; the rest are unmapped', () => {
    const map = organisationMap(
      [
        contact('1', { roles: ['DECISION_MAKER'], influence: 'medium' }),
        contact('2', { roles: ['DECISION_MAKER'], influence: 'high' }),
        contact('3', { roles: ['DECISION_MAKER'], lastContactedAt: NOW - DAY }),
        contact('4', { roles: ['DECISION_MAKER'], lastContactedAt: NOW - 5 * DAY }),
        contact('5', { roles: ['END_USER'] }),
      ],
      { nowMs: NOW },
    );
    expect(map.groups.decision_maker.map((person) => person.id)).toEqual(['2', '1', '3', '4']);
    expect(map.unmapped).toBe(1);
    expect(map.contactCount).toBe(5);
  });

  test('a well-mapped account has no gaps', () => {
    expect(
      gapIds([
        contact('1', { roles: ['DECISION_MAKER'] }),
        contact('2', { roles: ['CHAMPION'], career: 'rising_star' }),
      ]),
    ).toEqual([]);
  });

  test('no contacts is one gap', () => {
    expect(gapIds([])).toEqual(['no_contacts']);
  });

  test('no decision maker contacted in 180 days, and never contacted, both count', () => {
    const sponsor = contact('9', { roles: ['CHAMPION'] });
    expect(
      gapIds([contact('1', { roles: ['DECISION_MAKER'], lastContactedAt: NOW - 181 * DAY }), sponsor]),
    ).toEqual(['decision_maker_not_contacted']);
    expect(gapIds([contact('1', { roles: ['DECISION_MAKER'], lastContactedAt: null }), sponsor])).toEqual([
      'decision_maker_not_contacted',
    ]);
    expect(
      gapIds([
        contact('1', { roles: ['DECISION_MAKER'], lastContactedAt: NOW - 181 * DAY }),
        contact('2', { roles: ['DECISION_MAKER'], lastContactedAt: NOW - 179 * DAY }),
        sponsor,
      ]),
    ).toEqual([]);
  });

  test('a sponsor who is a setting star, a strong anti-sponsor, no sponsor to balance one, a single thread', () => {
    const map = organisationMap(
      [
        contact('1', { roles: ['DECISION_MAKER'] }),
        contact('2', { attitude: 'sponsor', career: 'setting_star' }),
        contact('3', { roles: ['BLOCKER'], influence: 'high' }),
      ],
      { nowMs: NOW },
    );
    expect(map.gaps).toEqual([
      { id: 'sponsor_setting_star', contactIds: ['2'] },
      { id: 'anti_sponsor_high_influence', contactIds: ['3'] },
    ]);
    expect(
      gapIds([contact('1', { roles: ['DECISION_MAKER'] }), contact('3', { roles: ['BLOCKER'] })]),
    ).toEqual(['no_sponsor', 'anti_sponsor_without_sponsor']);
    expect(gapIds([contact('1', { roles: ['DECISION_MAKER', 'CHAMPION'] })])).toEqual(['single_threaded']);
  });

  test('200 contacts: every person placed once per group, in a stable order', () => {
    const roles = ['DECISION_MAKER', 'INFLUENCER', 'CHAMPION', 'BLOCKER', 'END_USER'] as const;
    const contacts = Array.from({ length: 200 }, (_, index) =>
      contact(String(index + 1), {
        roles: [roles[index % roles.length]!],
        influence: (['high', 'medium', 'low', null] as const)[index % 4]!,
        lastContactedAt: NOW - (index % 30) * DAY,
      }),
    );
    const map = organisationMap(contacts, { nowMs: NOW });
    expect(map.contactCount).toBe(200);
    expect(map.groups.decision_maker).toHaveLength(40);
    expect(map.unmapped).toBe(
      40 - contacts.filter((c) => c.roles[0] === 'END_USER' && c.influence === 'high').length,
    );
    expect(organisationMap([...contacts].reverse(), { nowMs: NOW })).toEqual(map);
  });

  test('every group and gap has its English and Russian text', () => {
    for (const group of ORGANISATION_MAP_GROUPS) expect(ORGANISATION_GROUP_LABELS[group].ru).not.toBe('');
    for (const gap of ORGANISATION_GAPS) {
      expect(ORGANISATION_GAP_TEXTS[gap].en).not.toBe('');
      expect(ORGANISATION_GAP_TEXTS[gap].ru).not.toBe('');
    }
  });
});

test('mapContactOf reads HubSpot strings leniently: unknown options and future dates are left out', () => {
  expect(
    mapContactOf(
      '7',
      {
        hs_buying_role: 'DECISION_MAKER;champion;NOPE',
        kam_influence: 'High',
        kam_attitude: 'friend',
        kam_career: 'setting_star',
        notes_last_contacted: new Date(NOW - DAY).toISOString(),
      },
      NOW,
    ),
  ).toEqual({
    id: '7',
    roles: ['DECISION_MAKER', 'CHAMPION'],
    influence: 'high',
    attitude: null,
    career: 'setting_star',
    lastContactedAt: NOW - DAY,
  });
  expect(mapContactOf('8', { notes_last_contacted: String(NOW + DAY) }, NOW).lastContactedAt).toBeNull();
  expect(mapContactOf('9', {}, NOW)).toEqual({
    id: '9',
    roles: [],
    influence: null,
    attitude: null,
    career: null,
    lastContactedAt: null,
  });
});

// the sync writes organisationGapIds to kam_buying_centre_gaps; the card shows organisationMap's gaps
describe('organisationGapIds: the gaps alone, for the sync', () => {
  const contactArb = fc.record({
    id: fc.integer({ min: 1, max: 50 }).map(String),
    roles: fc.subarray([...HUBSPOT_BUYING_ROLES]),
    influence: fc.constantFrom(null, ...INFLUENCE_LEVELS),
    attitude: fc.constantFrom(null, ...ATTITUDES),
    career: fc.constantFrom(null, ...CAREER_STAGES),
    lastContactedAt: fc.option(fc.integer({ min: NOW - 400 * DAY, max: NOW }), { nil: null }),
  });

  test('are the map’s gaps, in catalogue order, for any contacts', () => {
    fc.assert(
      fc.property(fc.uniqueArray(contactArb, { selector: (c) => c.id, maxLength: 8 }), (contacts) => {
        const ids = organisationGapIds(contacts, { nowMs: NOW });
        expect(ids).toEqual(gapIds(contacts));
        expect(ids).toEqual(ORGANISATION_GAPS.filter((gap) => ids.includes(gap)));
      }),
      { numRuns: 300 },
    );
  });

  test('a company without contacts has the one gap no_contacts', () => {
    expect(organisationGapIds([], { nowMs: NOW })).toEqual(['no_contacts']);
  });
});
