import { Alert, Button, DateInput, Input, LoadingButton, Select, TextArea } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import {
  SCORED_PROPERTIES,
  createCrmPropertiesResult,
  createDeferred,
  createFunctionFailure,
  createPinSuccess,
  createPinnedProperties,
} from '../test-utils/fixtures';
import { renderCard } from '../test-utils/render-card';
import {
  fetchFunctionRunner,
  pinTierParamsSchema,
  SIGNED_USER_ADMIN_KEY,
  type AppFetch,
} from '@keystone/shared';
import { calendarDayOf } from '../lib/pin-form';
import { KeyAccountCard } from './KeyAccountCard';

const DAY_MS = 24 * 3600_000;
const ADMIN_KEY = 'correct horse battery staple';
const ACTING_USER = { userId: '1', email: 'fake_email@example.com' };

function change(node: { trigger: (event: 'onChange', value?: never) => void }, value: unknown): void {
  node.trigger('onChange', value as never);
}

/** A day `days` ahead of the real clock (the card judges the expiry against it), as DateInput gives it. */
const dayAhead = (days: number) => calendarDayOf(new Date(Date.now() + days * DAY_MS));
const isoOf = (day: { year: number; month: number; date: number }) =>
  new Date(Date.UTC(day.year, day.month, day.date)).toISOString();

type Rendered = ReturnType<typeof renderCard>;

function fillPinForm(
  rendered: Rendered,
  {
    tier = 'important',
    strategy,
    reason = 'Strategic partner for the 2027 roll-out',
    expiry = dayAhead(90),
    adminKey = ADMIN_KEY,
  }: {
    tier?: string;
    strategy?: string;
    reason?: string;
    expiry?: ReturnType<typeof dayAhead> | null;
    adminKey?: string;
  } = {},
) {
  rendered.findByTestId(Button, 'kam-pin-open').trigger('onClick');
  change(rendered.findByTestId(Select, 'kam-pin-tier'), tier);
  if (strategy) change(rendered.findByTestId(Select, 'kam-pin-strategy'), strategy);
  change(rendered.findByTestId(TextArea, 'kam-pin-reason'), reason);
  if (expiry) change(rendered.findByTestId(DateInput, 'kam-pin-expiry'), expiry);
  change(rendered.findByTestId(Input, 'kam-pin-admin-key'), adminKey);
}

describe('Pin tier', () => {
  test('opens a form from the card with tier, strategy, reason, expiry and admin key', () => {
    const rendered = renderCard();
    expect(rendered.maybeFindByTestId(TextArea, 'kam-pin-reason')).toBeNull();
    expect(rendered.maybeFindByTestId(Button, 'kam-unpin-open')).toBeNull();
    rendered.findByTestId(Button, 'kam-pin-open').trigger('onClick');
    expect(rendered.findByTestId(Select, 'kam-pin-tier').props.value).toBe('key');
    expect(rendered.findByTestId(Select, 'kam-pin-tier').props.options.map((o) => o.value)).toEqual([
      'key',
      'important',
      'regular',
    ]);
    expect(rendered.findByTestId(Input, 'kam-pin-admin-key').props.type).toBe('password');
    expect(rendered.findByTestId(DateInput, 'kam-pin-expiry').props.max).toEqual(dayAhead(365));
  });

  test('calls keystone_pin_tier with the tier, strategy, reason, expiry and acting user, then refreshes', async () => {
    const runFunction = jest.fn().mockResolvedValue(createPinSuccess({ tier: 'important' }));
    const rendered = renderCard({ runFunction });
    const expiry = dayAhead(90);
    fillPinForm(rendered, { strategy: 'develop_cooperation', reason: '  Board decision  ', expiry });
    rendered.findByTestId(LoadingButton, 'kam-pin-submit').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.alerts()).toHaveLength(1));
    expect(runFunction).toHaveBeenCalledWith('keystone_pin_tier', {
      propertiesToSend: ['hs_object_id'],
      parameters: {
        action: 'set',
        tier: 'important',
        strategy: 'develop_cooperation',
        reason: 'Board decision',
        expiresAt: isoOf(expiry),
        adminKey: ADMIN_KEY,
        actingUser: ACTING_USER,
      },
    });
    expect(rendered.alerts()[0]).toEqual({
      type: 'success',
      title: 'Tier pinned',
      message: 'The tier is now Important.',
    });
    expect(rendered.mocks.actions.refreshObjectProperties.calls).toHaveLength(1);
    expect(rendered.refetch).toHaveBeenCalledTimes(1);
    await rendered.waitFor(() => expect(rendered.maybeFindByTestId(TextArea, 'kam-pin-reason')).toBeNull());
  });

  test('leaves the strategy out when none is chosen', async () => {
    const runFunction = jest.fn().mockResolvedValue(createPinSuccess());
    const rendered = renderCard({ runFunction });
    fillPinForm(rendered);
    rendered.findByTestId(LoadingButton, 'kam-pin-submit').trigger('onClick');
    await rendered.waitFor(() => expect(runFunction).toHaveBeenCalledTimes(1));
    const [, options] = runFunction.mock.calls[0] as [string, { parameters: Record<string, unknown> }];
    expect(options.parameters).not.toHaveProperty('strategy');
  });

  test('shows the loading state while the function runs', async () => {
    const deferred = createDeferred<unknown>();
    const runFunction = jest.fn().mockReturnValue(deferred.promise);
    const rendered = renderCard({ runFunction });
    fillPinForm(rendered);
    rendered.findByTestId(LoadingButton, 'kam-pin-submit').trigger('onClick');
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(LoadingButton, 'kam-pin-submit').props.loading).toBe(true),
    );
    rendered.findByTestId(LoadingButton, 'kam-pin-submit').trigger('onClick');
    deferred.resolve(createPinSuccess());
    await rendered.waitFor(() => expect(rendered.alerts()).toHaveLength(1));
    expect(runFunction).toHaveBeenCalledTimes(1);
  });

  test.each([
    ['a blank reason', { reason: '   ' }, 'kam-pin-reason', 'Say why the tier is pinned.'],
    ['no expiry', { expiry: null }, 'kam-pin-expiry', 'Choose the day the pin ends.'],
    [
      'an expiry today or earlier',
      { expiry: dayAhead(-1) },
      'kam-pin-expiry',
      'The end date must be in the future.',
    ],
    [
      'an expiry over a year ahead',
      { expiry: dayAhead(367) },
      'kam-pin-expiry',
      'A pin lasts at most 365 days.',
    ],
    ['no admin key', { adminKey: '' }, 'kam-pin-admin-key', 'Enter the Keystone admin key.'],
  ] as const)('refuses %s before calling the function', (_label, values, testId, message) => {
    const rendered = renderCard();
    fillPinForm(rendered, values);
    rendered.findByTestId(LoadingButton, 'kam-pin-submit').trigger('onClick');
    const field =
      testId === 'kam-pin-reason'
        ? rendered.findByTestId(TextArea, testId)
        : testId === 'kam-pin-expiry'
          ? rendered.findByTestId(DateInput, testId)
          : rendered.findByTestId(Input, testId);
    expect(field.props).toMatchObject({ error: true, validationMessage: message });
    expect(rendered.runFunction).not.toHaveBeenCalled();
  });

  test('shows the function’s message when it refuses, in an alert and next to the admin key', async () => {
    const runFunction = jest
      .fn()
      .mockResolvedValue(createFunctionFailure('auth.forbidden', 'The Keystone admin key is not correct.'));
    const rendered = renderCard({ runFunction });
    fillPinForm(rendered, { adminKey: 'wrong' });
    rendered.findByTestId(LoadingButton, 'kam-pin-submit').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.alerts()).toHaveLength(1));
    expect(rendered.alerts()[0]).toEqual({
      type: 'danger',
      title: 'Tier not pinned',
      message: 'The Keystone admin key is not correct.',
    });
    const alert = rendered.findByTestId(Alert, 'kam-pin-error');
    expect(alert.props.title).toBe('Tier not pinned');
    expect(alert.text).toBe('The Keystone admin key is not correct.');
    expect(rendered.findByTestId(Input, 'kam-pin-admin-key').props.validationMessage).toBe(
      'The Keystone admin key is not correct.',
    );
    expect(rendered.refetch).not.toHaveBeenCalled();
  });

  test('puts a field issue from the function next to its field', async () => {
    const failure = createFunctionFailure(
      'input.invalid',
      'keystone_pin_tier: expiresAt: must be in the future',
    );
    if (!failure.ok) failure.error.issues = [{ path: 'expiresAt', message: 'must be in the future' }];
    const rendered = renderCard({ runFunction: jest.fn().mockResolvedValue(failure) });
    fillPinForm(rendered);
    rendered.findByTestId(LoadingButton, 'kam-pin-submit').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.alerts()).toHaveLength(1));
    expect(rendered.findByTestId(DateInput, 'kam-pin-expiry').props.validationMessage).toBe(
      'must be in the future',
    );
  });

  test('speaks Russian to a Russian-locale user', () => {
    const rendered = renderCard({ locale: 'ru-RU' });
    expect(rendered.findByTestId(Button, 'kam-pin-open').text).toBe('Закрепить уровень');
    fillPinForm(rendered, { reason: '' });
    rendered.findByTestId(LoadingButton, 'kam-pin-submit').trigger('onClick');
    expect(rendered.findByTestId(TextArea, 'kam-pin-reason').props.validationMessage).toBe(
      'Укажите, почему уровень закреплён.',
    );
  });
});

describe('Remove pin', () => {
  test('is offered only under an active pin, and clears it with the admin key', async () => {
    const runFunction = jest.fn().mockResolvedValue(createPinSuccess({ tier: 'important' }));
    const rendered = renderCard({ properties: createPinnedProperties(), runFunction });
    expect(rendered.findByTestId(Button, 'kam-pin-open').text).toBe('Change pin');
    rendered.findByTestId(Button, 'kam-unpin-open').trigger('onClick');
    rendered.findByTestId(LoadingButton, 'kam-unpin-submit').trigger('onClick');
    expect(rendered.findByTestId(Input, 'kam-pin-admin-key').props.validationMessage).toBe(
      'Enter the Keystone admin key.',
    );
    expect(runFunction).not.toHaveBeenCalled();
    change(rendered.findByTestId(Input, 'kam-pin-admin-key'), ADMIN_KEY);
    rendered.findByTestId(LoadingButton, 'kam-unpin-submit').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.alerts()).toHaveLength(1));
    expect(runFunction).toHaveBeenCalledWith('keystone_pin_tier', {
      propertiesToSend: ['hs_object_id'],
      parameters: { action: 'clear', adminKey: ADMIN_KEY, actingUser: ACTING_USER },
    });
    expect(rendered.alerts()[0]).toEqual({
      type: 'success',
      title: 'Pin removed',
      message: 'The computed tier applies again: Important.',
    });
    expect(rendered.refetch).toHaveBeenCalledTimes(1);
  });

  test('shows the function’s message when clearing fails', async () => {
    const runFunction = jest.fn().mockResolvedValue(createFunctionFailure());
    const rendered = renderCard({ properties: createPinnedProperties(), runFunction });
    rendered.findByTestId(Button, 'kam-unpin-open').trigger('onClick');
    change(rendered.findByTestId(Input, 'kam-pin-admin-key'), ADMIN_KEY);
    rendered.findByTestId(LoadingButton, 'kam-unpin-submit').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.alerts()).toHaveLength(1));
    expect(rendered.alerts()[0]).toMatchObject({ type: 'danger', title: 'Pin not removed' });
    expect(rendered.findByTestId(Alert, 'kam-pin-error').text).toBe(
      'POST /crm/v3/objects/companies/batch/read: HTTP 503',
    );
  });
});

describe('Pin tier over kam serve', () => {
  const SERVE_URL = 'https://kam.acme-industries.com';
  const RECORD_ID = '4242';

  /** The card as KeyAccountTab builds it for a serve build: hubspot.fetch, and no key to type. */
  function renderOverServe(properties: Record<string, string | null> = SCORED_PROPERTIES) {
    const requests: { url: string; body: unknown }[] = [];
    const fetch: AppFetch = async (url, { body }) => {
      requests.push({ url, body });
      return { status: 200, json: async () => createPinSuccess({ tier: 'important' }) };
    };
    const renderer = createRenderer('crm.record.tab');
    renderer.mocks.useCrmProperties.willCall(() => createCrmPropertiesResult(properties));
    renderer.render(
      <KeyAccountCard
        context={renderer.mocks.context}
        actions={renderer.mocks.actions}
        runFunction={fetchFunctionRunner(fetch, SERVE_URL, RECORD_ID)}
        askAdminKey={false}
      />,
    );
    const alerts = () => renderer.mocks.actions.addAlert.calls.map(([alert]) => alert);
    return { ...renderer, requests, alerts };
  }

  test('the pin form asks for no admin key; the signed user decides and the contract still gets a key', async () => {
    const rendered = renderOverServe();
    rendered.findByTestId(Button, 'kam-pin-open').trigger('onClick');
    expect(rendered.maybeFindByTestId(Input, 'kam-pin-admin-key')).toBeNull();
    const expiry = dayAhead(30);
    change(rendered.findByTestId(Select, 'kam-pin-tier'), 'important');
    change(rendered.findByTestId(TextArea, 'kam-pin-reason'), 'Board decision');
    change(rendered.findByTestId(DateInput, 'kam-pin-expiry'), expiry);
    rendered.findByTestId(LoadingButton, 'kam-pin-submit').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.alerts()).toHaveLength(1), { timeoutInMs: 5000 });
    expect(rendered.requests).toEqual([
      {
        url: `${SERVE_URL}/hubspot/app/keystone_pin_tier`,
        body: {
          parameters: {
            action: 'set',
            tier: 'important',
            reason: 'Board decision',
            expiresAt: isoOf(expiry),
            adminKey: SIGNED_USER_ADMIN_KEY,
            actingUser: ACTING_USER,
          },
          propertiesToSend: { hs_object_id: RECORD_ID },
        },
      },
    ]);
    const sent = rendered.requests[0]?.body as { parameters: unknown };
    expect(pinTierParamsSchema.safeParse(sent.parameters).success).toBe(true);
    expect(rendered.alerts()[0]).toMatchObject({ type: 'success', title: 'Tier pinned' });
  });

  test('removing a pin asks for no admin key either', async () => {
    const rendered = renderOverServe(createPinnedProperties());
    rendered.findByTestId(Button, 'kam-unpin-open').trigger('onClick');
    expect(rendered.maybeFindByTestId(Input, 'kam-pin-admin-key')).toBeNull();
    rendered.findByTestId(LoadingButton, 'kam-unpin-submit').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.alerts()).toHaveLength(1), { timeoutInMs: 5000 });
    expect(rendered.requests.map((request) => request.body)).toEqual([
      {
        parameters: { action: 'clear', adminKey: SIGNED_USER_ADMIN_KEY, actingUser: ACTING_USER },
        propertiesToSend: { hs_object_id: RECORD_ID },
      },
    ]);
  });
});
