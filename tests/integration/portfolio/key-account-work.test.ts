/**
 * Issue #21 item 4 through @hubspot/api-client against the emulator: a sync writes each company's
 * buying-centre gaps (`kam_buying_centre_gaps`, a multi-select) and a second sync of the unchanged
 * portal writes nothing; the portfolio page's analysis counts the gaps among key accounts, and a
 * `kam_plan_status` set by hand on a key account shows in the plan coverage.
 */
import type { RunningEmulator } from '../../../emulator';
import { gatewayCompanySearch } from '../../../src/engine/hubspot';
import { loadPortfolioPage, type PortfolioPageData } from '../../../src/engine/portfolio';
import { gatewayFor, NOW, portalWithPortfolio, searchCaughtUp, sync } from '../../support/portal';

const CONTACT_TO_COMPANY = 279;
const DAY_MS = 86_400_000;

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await portalWithPortfolio(40, 17);
});
afterAll(() => emulator.close());

const client = () => gatewayFor(emulator).client;

async function pageData(): Promise<PortfolioPageData> {
  await searchCaughtUp(emulator);
  const answer = await loadPortfolioPage({
    search: gatewayCompanySearch(gatewayFor(emulator)),
    parameters: { listLimit: 200 },
    now: () => NOW,
  });
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.data;
}

/** Key accounts by a manager's pin, so the test does not depend on where the scores fall. */
async function keyCompany(name: string, contacts: Record<string, string>[]): Promise<string> {
  const gateway = gatewayFor(emulator);
  const [company] = await gateway.batchCreate('companies', [
    { properties: { name, kam_tier_pinned: 'key', kam_pin_reason: 'integration test' } },
  ]);
  const id = company!.id;
  if (contacts.length > 0) {
    await gateway.batchCreate(
      'contacts',
      contacts.map((properties, index) => ({
        properties: { email: `person${index}@${id}.example`, ...properties },
        associations: [{ toId: id, typeId: CONTACT_TO_COMPANY }],
      })),
    );
  }
  return id;
}

async function storedGaps(): Promise<Map<string, { tier: string | null; gaps: string }>> {
  const gateway = gatewayFor(emulator);
  const all = new Map<string, { tier: string | null; gaps: string }>();
  let after: string | undefined;
  do {
    const page = await gateway.listPage('companies', ['kam_tier', 'kam_buying_centre_gaps'], after);
    for (const company of page.results)
      all.set(company.id, {
        tier: company.properties.kam_tier ?? null,
        gaps: company.properties.kam_buying_centre_gaps ?? '',
      });
    after = page.after;
  } while (after);
  return all;
}

test('setup creates kam_buying_centre_gaps as a multi-select with one labelled option per gap', async () => {
  const property = await client().crm.properties.coreApi.getByName('companies', 'kam_buying_centre_gaps');
  expect(property.type).toBe('enumeration');
  expect(property.fieldType).toBe('checkbox');
  expect(property.options.find((option) => option.value === 'no_decision_maker')?.label).toBe(
    'No decision maker known',
  );
});

test('sync writes the gaps, the page counts them among key accounts, a hand-set plan status is covered', async () => {
  const recently = new Date(NOW.getTime() - 20 * DAY_MS).toISOString();
  const lonely = await keyCompany('No Contacts Ltd', []);
  const thin = await keyCompany('Thin Ties plc', [{ hs_buying_role: 'END_USER' }]);
  const mapped = await keyCompany('Well Mapped AG', [
    { hs_buying_role: 'DECISION_MAKER', notes_last_contacted: recently },
    { hs_buying_role: 'CHAMPION' },
  ]);

  const first = await sync(gatewayFor(emulator));
  expect(first.summary.writeFailures).toEqual([]);
  const written = first.writes.filter((write) => 'kam_buying_centre_gaps' in write.properties);
  expect(written.length).toBeGreaterThan(0);

  const stored = await storedGaps();
  expect(stored.get(lonely)).toEqual({ tier: 'key', gaps: 'no_contacts' });
  expect(stored.get(thin)?.gaps.split(';').sort()).toEqual(['no_decision_maker', 'no_sponsor']);
  expect(stored.get(mapped)).toEqual({ tier: 'key', gaps: '' });

  // an unchanged portal: nothing to write, this property included
  const second = await sync(gatewayFor(emulator));
  expect(second.writes).toEqual([]);
  expect(second.summary.propertiesWritten).toBe(0);

  // the page's analysis counts exactly what HubSpot holds for the key accounts
  const keys = [...stored.values()].filter((company) => company.tier === 'key');
  const data = await pageData();
  expect(data.buyingCentre?.keyAccounts).toBe(keys.length);
  expect(data.buyingCentre?.withGaps).toBe(keys.filter((company) => company.gaps !== '').length);
  expect(data.buyingCentre?.counts.no_contacts).toBe(
    keys.filter((company) => company.gaps.split(';').includes('no_contacts')).length,
  );
  expect(data.buyingCentre?.counts.no_sponsor).toBe(
    keys.filter((company) => company.gaps.split(';').includes('no_sponsor')).length,
  );
  const listed = data.buyingCentre?.accounts.map((account) => account.id) ?? [];
  expect(listed).toEqual(expect.arrayContaining([lonely, thin]));
  expect(listed).not.toContain(mapped);

  // the sync wrote kam_plan_status: no key account has a plan yet, none is "not computed"
  expect(data.plans?.counts).toMatchObject({ none: keys.length, not_computed: 0 });

  // statuses set by hand through the API, as a plan save and its rescoring would leave them
  await client().crm.companies.basicApi.update(thin, { properties: { kam_plan_status: 'overdue' } });
  await client().crm.companies.basicApi.update(mapped, { properties: { kam_plan_status: 'current' } });

  const withPlans = await pageData();
  expect(withPlans.plans).toMatchObject({
    keyAccounts: keys.length,
    counts: { overdue: 1, current: 1, none: keys.length - 2, review_due: 0, not_computed: 0 },
    total: keys.length - 1,
  });
  // the key accounts with no plan first, then the overdue review; the current plan is not listed
  const listedPlans = withPlans.plans?.accounts.map((account) => [account.id, account.planStatus]) ?? [];
  expect(listedPlans.at(-1)).toEqual([thin, 'overdue']);
  expect(listedPlans.slice(0, -1).every(([, status]) => status === 'none')).toBe(true);
  expect(listedPlans.map(([id]) => id)).not.toContain(mapped);
});
