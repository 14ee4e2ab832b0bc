import {
  Alert,
  Button,
  Flex,
  List,
  LoadingButton,
  LoadingSpinner,
  Select,
  Table,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { FUNCTION_NAMES, setContactKamParamsSchema, type SetContactKamResult } from '@keystone/shared';
import { textContent } from '@keystone/shared/test-utils';
import { associationsPage, createDeferred } from '../test-utils/fixtures';
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
function renderWithContacts(
  contacts: Contact[],
  options: { pageLength?: number; locale?: string; runFunction?: jest.Mock } = {},
) {
  const pageLength = options.pageLength ?? 100;
  let page = 1;
  return renderCard({
    locale: options.locale,
    runFunction: options.runFunction,
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
    expect(rows[1]).toMatch(/^Person 1, CFO High — \w{3} \d{1,2}, \d{4} Edit$/);
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

type Rendered = ReturnType<typeof renderWithContacts>;

const savedAnswer = (
  overrides: Partial<Extract<SetContactKamResult, { ok: true }>> = {},
): SetContactKamResult => ({
  ok: true,
  companyId: '123',
  contactId: '1',
  contactChanges: [{ field: 'attitude', from: null, to: 'sponsor' }],
  contact: { influence: 'high', attitude: 'sponsor', career: null },
  changedProperties: ['kam_score', 'kam_explanation'],
  ...overrides,
});

async function loaded(rendered: Rendered) {
  await rendered.waitFor(() =>
    expect(rendered.maybeFindByTestId(LoadingSpinner, 'kam-org-loading')).toBeNull(),
  );
}

function choose(rendered: Rendered, testId: string, value: string) {
  rendered.findByTestId(Select, testId).trigger('onChange', value as never);
}

const DECIDER = person(1, {
  hs_buying_role: 'DECISION_MAKER',
  kam_influence: 'high',
  firstname: 'Zoe',
  lastname: 'Adams',
  jobtitle: 'CFO',
});
const NEWCOMER = person(2, { firstname: 'Anna', lastname: 'Berg' });

// 003 in place: the manager sets a person's influence, attitude and career without leaving the card
describe('setting influence, attitude and career from the map', () => {
  test('the form lists every contact by name, mapped or not, with the three values and "not set"', async () => {
    const rendered = renderWithContacts([DECIDER, NEWCOMER]);
    await loaded(rendered);
    expect(rendered.maybeFindByTestId(Select, 'kam-org-edit-contact')).toBeNull();

    rendered.findByTestId(Button, 'kam-org-edit-open').trigger('onClick');

    const person = rendered.findByTestId(Select, 'kam-org-edit-contact');
    expect(person.props.options).toEqual([
      { value: '2', label: 'Anna Berg' },
      { value: '1', label: 'Zoe Adams, CFO' },
    ]);
    expect(person.props.value).toBeUndefined();
    expect(rendered.findByTestId(Select, 'kam-org-edit-attitude').props.readOnly).toBe(true);
    expect(rendered.findByTestId(Select, 'kam-org-edit-attitude').props.options).toEqual([
      { value: '', label: 'Not set' },
      { value: 'sponsor', label: 'Sponsor' },
      { value: 'supporter', label: 'Supporter' },
      { value: 'neutral', label: 'Neutral' },
      { value: 'critic', label: 'Critic' },
      { value: 'anti_sponsor', label: 'Anti-sponsor' },
    ]);
    expect(rendered.findByTestId(Select, 'kam-org-edit-career').props.options.map((o) => o.label)).toEqual([
      'Not set',
      'Rising star',
      'Steady',
      'Setting star',
    ]);

    choose(rendered, 'kam-org-edit-contact', '1');
    expect(rendered.findByTestId(Select, 'kam-org-edit-influence').props.value).toBe('high');
    expect(rendered.findByTestId(Select, 'kam-org-edit-attitude').props).toMatchObject({
      value: '',
      readOnly: false,
    });
  });

  test("a row's Edit opens the form on that person with the values stored", async () => {
    const rendered = renderWithContacts([DECIDER, NEWCOMER]);
    await loaded(rendered);

    rendered.findByTestId(Button, 'kam-org-edit-decision_maker-1').trigger('onClick');

    expect(rendered.findByTestId(Select, 'kam-org-edit-contact').props.value).toBe('1');
    expect(rendered.findByTestId(Select, 'kam-org-edit-influence').props.value).toBe('high');
    expect(rendered.findByTestId(Select, 'kam-org-edit-career').props.value).toBe('');
  });

  test('Save sends the person and only the values changed, an emptied one as ""', async () => {
    const runFunction = jest.fn().mockResolvedValue(savedAnswer());
    const rendered = renderWithContacts([DECIDER, NEWCOMER], { runFunction });
    await loaded(rendered);
    rendered.findByTestId(Button, 'kam-org-edit-decision_maker-1').trigger('onClick');
    choose(rendered, 'kam-org-edit-influence', '');
    choose(rendered, 'kam-org-edit-attitude', 'sponsor');

    rendered.findByTestId(LoadingButton, 'kam-org-edit-save').trigger('onClick');

    await rendered.waitFor(() => expect(runFunction).toHaveBeenCalledTimes(1));
    const parameters = { contactId: '1', influence: '', attitude: 'sponsor' };
    expect(runFunction).toHaveBeenCalledWith(FUNCTION_NAMES.setContactKam, {
      propertiesToSend: ['hs_object_id'],
      parameters,
    });
    // what the card sends is what the function accepts
    expect(setContactKamParamsSchema.safeParse(parameters).success).toBe(true);
  });

  test('nothing is sent without a person or without a change', async () => {
    const runFunction = jest.fn();
    const rendered = renderWithContacts([DECIDER, NEWCOMER], { runFunction });
    await loaded(rendered);
    rendered.findByTestId(Button, 'kam-org-edit-open').trigger('onClick');

    rendered.findByTestId(LoadingButton, 'kam-org-edit-save').trigger('onClick');
    expect(rendered.findByTestId(Select, 'kam-org-edit-contact').props.validationMessage).toBe(
      'Choose a person.',
    );

    choose(rendered, 'kam-org-edit-contact', '1');
    choose(rendered, 'kam-org-edit-influence', 'high');
    rendered.findByTestId(LoadingButton, 'kam-org-edit-save').trigger('onClick');
    expect(textContent(rendered.findByTestId(Text, 'kam-org-edit-unchanged'))).toBe(
      'Nothing to save: change a value first.',
    );
    expect(runFunction).not.toHaveBeenCalled();
  });

  test('while saving the button spins; once saved the map and the card are read again', async () => {
    const contacts = [DECIDER, NEWCOMER];
    const answer = createDeferred<SetContactKamResult>();
    const runFunction = jest.fn(() => answer.promise);
    const rendered = renderWithContacts(contacts, { runFunction });
    await loaded(rendered);
    rendered.findByTestId(Button, 'kam-org-edit-decision_maker-1').trigger('onClick');
    choose(rendered, 'kam-org-edit-attitude', 'sponsor');
    rendered.findByTestId(LoadingButton, 'kam-org-edit-save').trigger('onClick');
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(LoadingButton, 'kam-org-edit-save').props.loading).toBe(true),
    );
    expect(rendered.maybeFindByTestId(Table, 'kam-org-table-sponsor')).toBeNull();
    const readsBefore = rendered.mocks.useAssociations.calls.length;

    // HubSpot now holds the new attitude
    contacts[0] = { ...DECIDER, properties: { ...DECIDER.properties, kam_attitude: 'sponsor' } };
    answer.resolve(savedAnswer());

    await rendered.waitFor(() =>
      expect(textContent(rendered.findByTestId(Alert, 'kam-org-edit-saved'))).toBe(
        'Zoe Adams is updated; the account was rescored and 2 of its Keystone values changed.',
      ),
    );
    expect(rendered.mocks.useAssociations.calls.length).toBeGreaterThan(readsBefore);
    expect(textContent(rendered.findByTestId(Table, 'kam-org-table-sponsor'))).toContain('Zoe Adams, CFO');
    expect(rendered.maybeFindByTestId(Select, 'kam-org-edit-contact')).toBeNull();
    expect(rendered.refetch).toHaveBeenCalled();
  });

  test("a refusal shows the function's message and the field it named, and keeps the form", async () => {
    const runFunction = jest.fn().mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'auth.not_associated',
        message:
          'contact 1 is not associated with company 123: the card edits only the people of its own company',
      },
    });
    const rendered = renderWithContacts([DECIDER, NEWCOMER], { runFunction });
    await loaded(rendered);
    rendered.findByTestId(Button, 'kam-org-edit-decision_maker-1').trigger('onClick');
    choose(rendered, 'kam-org-edit-career', 'setting_star');
    rendered.findByTestId(LoadingButton, 'kam-org-edit-save').trigger('onClick');

    await rendered.waitFor(() =>
      expect(textContent(rendered.findByTestId(Alert, 'kam-org-edit-error'))).toBe(
        'contact 1 is not associated with company 123: the card edits only the people of its own company',
      ),
    );
    expect(rendered.findByTestId(Select, 'kam-org-edit-career').props.value).toBe('setting_star');

    runFunction.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'input.invalid',
        message: 'keystone_set_contact_kam: invalid parameters: career: must be one of …',
        issues: [
          { path: 'career', message: "must be one of rising_star, steady, setting_star, or '' to clear" },
        ],
      },
    });
    rendered.findByTestId(LoadingButton, 'kam-org-edit-save').trigger('onClick');
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(Select, 'kam-org-edit-career').props).toMatchObject({
        error: true,
        validationMessage: "must be one of rising_star, steady, setting_star, or '' to clear",
      }),
    );

    rendered.findByTestId(Button, 'kam-org-edit-cancel').trigger('onClick');
    expect(rendered.maybeFindByTestId(Alert, 'kam-org-edit-error')).toBeNull();
    expect(rendered.maybeFindByTestId(Select, 'kam-org-edit-contact')).toBeNull();
  });

  test('with 200 contacts the person Select offers all of them', async () => {
    const contacts = Array.from({ length: 200 }, (_, index) => person(index + 1, {}));
    const rendered = renderWithContacts(contacts);
    await loaded(rendered);

    rendered.findByTestId(Button, 'kam-org-edit-open').trigger('onClick');

    expect(rendered.findByTestId(Select, 'kam-org-edit-contact').props.options).toHaveLength(200);
  });

  test('in Russian', async () => {
    const runFunction = jest.fn().mockResolvedValue(savedAnswer({ changedProperties: [] }));
    const rendered = renderWithContacts([DECIDER], { runFunction, locale: 'ru-RU' });
    await loaded(rendered);
    expect(textContent(rendered.findByTestId(Button, 'kam-org-edit-open'))).toBe(
      'Указать влияние, отношение, карьеру',
    );
    rendered.findByTestId(Button, 'kam-org-edit-decision_maker-1').trigger('onClick');
    expect(rendered.findByTestId(Select, 'kam-org-edit-attitude').props.label).toBe('Отношение к нам');
    expect(rendered.findByTestId(Select, 'kam-org-edit-career').props.options.map((o) => o.label)).toEqual([
      'Не указано',
      'Восходящая звезда',
      'Стабильно',
      'Заходящая звезда',
    ]);
    choose(rendered, 'kam-org-edit-attitude', 'sponsor');
    rendered.findByTestId(LoadingButton, 'kam-org-edit-save').trigger('onClick');

    await rendered.waitFor(() =>
      expect(textContent(rendered.findByTestId(Alert, 'kam-org-edit-saved'))).toBe(
        'Zoe Adams: сохранено; клиент пересчитан, значения Keystone не изменились.',
      ),
    );
  });
});
