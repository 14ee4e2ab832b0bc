/**
 * The organisation map of a client (methodology §10, source 003: "build an organisation map and a
 * network across the client"): its contacts grouped by buying-centre role, with each person's
 * influence, attitude and last contact, and the gaps a key-account manager should close.
 *
 * Where a person stands comes from HubSpot's `hs_buying_role` and, where a manager filled them in,
 * Keystone's contact properties; the manager's judgement wins where the two disagree:
 * - decision maker: `DECISION_MAKER` or `BUDGET_HOLDER`;
 * - influencer: `INFLUENCER`, or `kam_influence` high without a decision role;
 * - sponsor (champion): `kam_attitude` sponsor, else `CHAMPION` or `EXECUTIVE_SPONSOR` unless the
 *   attitude says critic or anti-sponsor;
 * - anti-sponsor (blocker): `kam_attitude` anti_sponsor, else `BLOCKER` unless the attitude says
 *   sponsor, supporter or neutral;
 * - rising star / setting star: `kam_career`.
 * A person can stand in several groups (a decision maker who is also our sponsor).
 */
import {
  ATTITUDES,
  CAREER_STAGES,
  HUBSPOT_BUYING_ROLES,
  INFLUENCE_LEVELS,
  ORGANISATION_MAP_GROUPS,
  type Attitude,
  type CareerStage,
  type HubspotBuyingRole,
  type InfluenceLevel,
  type OrganisationGapId,
  type OrganisationMapGroup,
} from './enums';

/** What the map needs of a contact (core's ContactInput has it). */
export type MapContact = {
  id: string;
  roles: readonly HubspotBuyingRole[];
  influence: InfluenceLevel | null;
  attitude: Attitude | null;
  career: CareerStage | null;
  /** Epoch ms; null when never contacted. */
  lastContactedAt: number | null;
};

export type MapPerson = {
  id: string;
  influence: InfluenceLevel | null;
  attitude: Attitude | null;
  career: CareerStage | null;
  lastContactedAt: number | null;
};

export type OrganisationGap = { id: OrganisationGapId; contactIds: readonly string[] };

export type OrganisationMap = {
  /** Per group, most influential first, then most recently contacted, then id. */
  groups: Record<OrganisationMapGroup, MapPerson[]>;
  /** Contacts in no group (no role, no judgement): the network still to map. */
  unmapped: number;
  contactCount: number;
  gaps: OrganisationGap[];
};

export type OrganisationMapOptions = { nowMs: number };

/** A decision maker not contacted for this many days is a gap (the catalogue text names it). */
export const DECISION_MAKER_CONTACT_DAYS = 180;
const DAY_MS = 86_400_000;

const DECISION_ROLES: readonly HubspotBuyingRole[] = ['DECISION_MAKER', 'BUDGET_HOLDER'];
const SPONSOR_ROLES: readonly HubspotBuyingRole[] = ['CHAMPION', 'EXECUTIVE_SPONSOR'];

const hasAny = (roles: readonly HubspotBuyingRole[], wanted: readonly HubspotBuyingRole[]) =>
  roles.some((role) => wanted.includes(role));

/** Whether a contact is our sponsor: the manager's attitude first, then the buying role. */
export function isSponsor(contact: Pick<MapContact, 'roles' | 'attitude'>): boolean {
  if (contact.attitude !== null) {
    if (contact.attitude === 'sponsor') return true;
    if (contact.attitude === 'critic' || contact.attitude === 'anti_sponsor') return false;
  }
  return hasAny(contact.roles, SPONSOR_ROLES);
}

/** Whether a contact works against us: the manager's attitude first, then the `BLOCKER` role. */
export function isAntiSponsor(contact: Pick<MapContact, 'roles' | 'attitude'>): boolean {
  if (contact.attitude !== null && contact.attitude !== 'critic') return contact.attitude === 'anti_sponsor';
  return contact.roles.includes('BLOCKER');
}

export function groupsOf(contact: MapContact): OrganisationMapGroup[] {
  const groups: OrganisationMapGroup[] = [];
  const decides = hasAny(contact.roles, DECISION_ROLES);
  if (decides) groups.push('decision_maker');
  if (contact.roles.includes('INFLUENCER') || (!decides && contact.influence === 'high'))
    groups.push('influencer');
  if (isSponsor(contact)) groups.push('sponsor');
  if (isAntiSponsor(contact)) groups.push('anti_sponsor');
  if (contact.career === 'rising_star') groups.push('rising_star');
  if (contact.career === 'setting_star') groups.push('setting_star');
  return groups;
}

const INFLUENCE_RANK: Record<InfluenceLevel, number> = { high: 0, medium: 1, low: 2 };

function byWeight(a: MapPerson, b: MapPerson): number {
  const influence = (p: MapPerson) => (p.influence === null ? 3 : INFLUENCE_RANK[p.influence]);
  return (
    influence(a) - influence(b) ||
    (b.lastContactedAt ?? -1) - (a.lastContactedAt ?? -1) ||
    a.id.localeCompare(b.id, 'en', { numeric: true })
  );
}

/** Builds the map and its gaps; pure, linear in the contacts (plus sorting each group). */
export function organisationMap(
  contacts: readonly MapContact[],
  options: OrganisationMapOptions,
): OrganisationMap {
  const { groups, unmapped } = groupPeople(contacts);
  for (const group of ORGANISATION_MAP_GROUPS) groups[group].sort(byWeight);
  return { groups, unmapped, contactCount: contacts.length, gaps: gapsOf(contacts.length, groups, options) };
}

/**
 * The map's gap ids alone, in catalogue order (the sync writes them to the company): the same
 * rules as `organisationMap`, without ordering the people, which a portfolio run does not need.
 */
export function organisationGapIds(
  contacts: readonly MapContact[],
  options: OrganisationMapOptions,
): OrganisationGapId[] {
  return gapsOf(contacts.length, groupPeople(contacts).groups, options).map((gap) => gap.id);
}

function groupPeople(contacts: readonly MapContact[]): {
  groups: Record<OrganisationMapGroup, MapPerson[]>;
  unmapped: number;
} {
  const groups: Record<OrganisationMapGroup, MapPerson[]> = {
    decision_maker: [],
    influencer: [],
    sponsor: [],
    anti_sponsor: [],
    rising_star: [],
    setting_star: [],
  };
  let unmapped = 0;
  for (const contact of contacts) {
    const memberOf = groupsOf(contact);
    if (memberOf.length === 0) {
      unmapped += 1;
      continue;
    }
    const person: MapPerson = {
      id: contact.id,
      influence: contact.influence,
      attitude: contact.attitude,
      career: contact.career,
      lastContactedAt: contact.lastContactedAt,
    };
    for (const group of memberOf) groups[group].push(person);
  }
  return { groups, unmapped };
}

function gapsOf(
  contactCount: number,
  groups: Record<OrganisationMapGroup, MapPerson[]>,
  options: OrganisationMapOptions,
): OrganisationGap[] {
  // pushed in the catalogue's order (ORGANISATION_GAPS): the stored multi-select reads the same
  if (contactCount === 0) return [{ id: 'no_contacts', contactIds: [] }];
  const gaps: OrganisationGap[] = [];
  const ids = (people: readonly MapPerson[]) => people.map((person) => person.id);
  const deciders = groups.decision_maker;
  if (deciders.length === 0) gaps.push({ id: 'no_decision_maker', contactIds: [] });
  else {
    const since = options.nowMs - DECISION_MAKER_CONTACT_DAYS * DAY_MS;
    if (deciders.every((person) => person.lastContactedAt === null || person.lastContactedAt < since))
      gaps.push({ id: 'decision_maker_not_contacted', contactIds: ids(deciders) });
  }
  const sponsors = groups.sponsor;
  if (sponsors.length === 0) gaps.push({ id: 'no_sponsor', contactIds: [] });
  const settingSponsors = sponsors.filter((person) => person.career === 'setting_star');
  if (settingSponsors.length > 0) gaps.push({ id: 'sponsor_setting_star', contactIds: ids(settingSponsors) });
  const opponents = groups.anti_sponsor;
  const strongOpponents = opponents.filter((person) => person.influence === 'high');
  if (strongOpponents.length > 0)
    gaps.push({ id: 'anti_sponsor_high_influence', contactIds: ids(strongOpponents) });
  if (opponents.length > 0 && sponsors.length === 0)
    gaps.push({ id: 'anti_sponsor_without_sponsor', contactIds: ids(opponents) });
  const mapped = new Set(ORGANISATION_MAP_GROUPS.flatMap((group) => ids(groups[group])));
  if (mapped.size === 1) gaps.push({ id: 'single_threaded', contactIds: [...mapped] });
  return gaps;
}

/** The contact properties the map reads (the card asks for them with the associated contacts). */
export const MAP_CONTACT_PROPERTIES = [
  'hs_buying_role',
  'kam_influence',
  'kam_attitude',
  'kam_career',
  'notes_last_contacted',
] as const;

const optionOf = <T extends string>(options: readonly T[], raw: string | null | undefined): T | null => {
  const text = raw?.trim().toLowerCase() ?? '';
  return (options as readonly string[]).includes(text) ? (text as T) : null;
};

/**
 * A contact as HubSpot sends its properties (strings or null) read leniently into the map's shape:
 * an unknown option or date is left out (null), never guessed. The engine reads contacts through
 * `readCompanyInput`, which also reports such values; this is for a reader with nothing to report to.
 */
export function mapContactOf(
  id: string,
  properties: Readonly<Record<string, string | null | undefined>>,
  nowMs: number,
): MapContact {
  const roles: HubspotBuyingRole[] = [];
  for (const part of (properties.hs_buying_role ?? '').split(';')) {
    const role = part.trim().toUpperCase() as HubspotBuyingRole;
    if (HUBSPOT_BUYING_ROLES.includes(role) && !roles.includes(role)) roles.push(role);
  }
  const contacted = (properties.notes_last_contacted ?? '').trim();
  const at = /^\d+$/.test(contacted) ? Number(contacted) : Date.parse(contacted);
  return {
    id,
    roles,
    influence: optionOf(INFLUENCE_LEVELS, properties.kam_influence),
    attitude: optionOf(ATTITUDES, properties.kam_attitude),
    career: optionOf(CAREER_STAGES, properties.kam_career),
    lastContactedAt: Number.isFinite(at) && at <= nowMs ? at : null,
  };
}
