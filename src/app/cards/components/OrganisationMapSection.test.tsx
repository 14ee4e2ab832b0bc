import { Flex, List, LoadingSpinner, Table, TableRow, Text } from '@hubspot/ui-extensions';
import { textContent } from '@keystone/shared/test-utils';
import { associationsPage } from '../test-utils/fixtures';
import { renderCard } from '../test-utils/render-card';

type Contact = { id: number; properties: Record<string, string | null> };

const recent = new Date(Date.now() - 5 * 86_400_000).toISOString();
const longAgo = new Date(Date.now() - 400 * 86_400_000).toISOString();

const person = (id: number, properties: Record<string, string | null>): Contact => ({
  id,
  properties: {
    firstname: 'Person',
    lastname: String(id),
    jobtitle: null,
    notes_last_contacted: recent,
    ...properties,
  },
});

/** The card with the contacts HubSpot's hook returns, in pages of `pageLength`. */
function renderWithContacts(contacts: Contact[], options: { pageLength?: number; locale?: string } = {}) {
  const pageLength = options.pageLength ?? 100;
  let page = 1;
  return renderCard({
    locale: options.locale,
    associations: () =>
      associationsPage(contacts.slice((page - 1) * pageLength, page * pageLength), {
        currentPage: page,
        hasNextPage: page * pageLength < contacts.length,
        nextPage: () => {
          page += 1;
        },
      }),
  });
}

// 003 on the card: people by buying-centre role and the gaps to close
describe('organisation map on the card', () => {
  test('empty state: a company without contacts shows that one gap and no groups', async () => {
    const { findByTestId, maybeFindByTestId, waitFor } = renderCard();
    await waitFor(() => expect(maybeFindByTestId(LoadingSpinner, 'kam-org-loading')).toBeNull());
    expect(textContent(findByTestId(List, 'kam-org-gaps'))).toBe(
      'No contacts at this company: the buying centre is not mapped at all.',
    );
    expect(maybeFindByTestId(Table, 'kam-org-table-decision_maker')).toBeNull();
  });

  test('groups people by role with influence, attitude and last contact; names the gaps', async () => {
    const { findByTestId, maybeFindByTestId, waitFor } = renderWithContacts([
      person(1, {
        hs_buying_role: 'DECISION_MAKER',
        kam_influence: 'high',
        notes_last_contacted: longAgo,
        jobtitle: 'CFO',
      }),
      person(2, { hs_buying_role: 'CHAMPION', kam_attitude: 'sponsor', kam_career: 'setting_star' }),
      person(3, { hs_buying_role: 'END_USER' }),
    ]);
    await waitFor(() => expect(maybeFindByTestId(LoadingSpinner, 'kam-org-loading')).toBeNull());
    expect(textContent(findByTestId(List, 'kam-org-gaps'))).toBe(
      [
        'No decision maker contacted in 180 days.',
        'Our sponsor is a setting star: build a second relationship before they leave.',
      ].join(' '),
    );
    const rows = findByTestId(Table, 'kam-org-table-decision_maker').findAll(TableRow).map(textContent);
    expect(rows[1]).toMatch(/^Person 1, CFO High — \w{3} \d{1,2}, \d{4}$/);
    expect(textContent(findByTestId(Table, 'kam-org-table-sponsor'))).toContain('Sponsor');
    expect(textContent(findByTestId(Text, 'kam-org-unmapped'))).toBe(
      '1 contact(s) without a buying role or a judgement yet.',
    );
  });

  test('a company with 200 contacts: every page is read, each group is cut to a few with the rest counted', async () => {
    const roles = ['DECISION_MAKER', 'INFLUENCER', 'CHAMPION', 'BLOCKER'];
    const contacts = Array.from({ length: 200 }, (_, index) =>
      person(index + 1, { hs_buying_role: roles[index % roles.length]! }),
    );
    const { findByTestId, maybeFindByTestId, waitFor, mocks } = renderWithContacts(contacts);
    await waitFor(() => expect(maybeFindByTestId(LoadingSpinner, 'kam-org-loading')).toBeNull());
    expect(mocks.useAssociations.calls.length).toBeGreaterThanOrEqual(2);
    expect(textContent(findByTestId(Flex, 'kam-org-decision_maker'))).toContain('(50)');
    expect(findByTestId(Table, 'kam-org-table-decision_maker').findAll(TableRow)).toHaveLength(1 + 8);
    expect(textContent(findByTestId(Text, 'kam-org-more-decision_maker'))).toBe('…and 42 more.');
    expect(maybeFindByTestId(Text, 'kam-org-partial')).toBeNull();
  });

  test('in Russian', async () => {
    const { findByTestId, maybeFindByTestId, waitFor } = renderWithContacts(
      [person(1, { hs_buying_role: 'DECISION_MAKER;CHAMPION' })],
      { locale: 'ru-RU' },
    );
    await waitFor(() => expect(maybeFindByTestId(LoadingSpinner, 'kam-org-loading')).toBeNull());
    expect(textContent(findByTestId(List, 'kam-org-gaps'))).toBe(
      'Описан только один человек: отношения держатся на одной нити.',
    );
  });
});
