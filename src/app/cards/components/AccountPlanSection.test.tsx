import {
  Alert,
  Button,
  DateInput,
  Flex,
  Heading,
  Input,
  LoadingButton,
  LoadingSpinner,
  NumberInput,
  Select,
  StatusTag,
  Table,
  TableRow,
  Text,
  TextArea,
  Tile,
} from '@hubspot/ui-extensions';
import { textContent } from '@keystone/shared/test-utils';
import { PLAN_LIMITS, saveAccountPlanParamsSchema, type AccountPlanInput } from '@keystone/shared';
import {
  createDeferred,
  createFunctionFailure,
  createGetPlanSuccess,
  createPlanAssessment,
  createPlanProperties,
  createPlanVersion,
  createSavePlanSuccess,
  createStoredPlan,
} from '../test-utils/fixtures';
import { renderCard, type RenderCardOptions } from '../test-utils/render-card';
import { addDays, dayOf } from '../lib/plan-view';

const ACTING_USER = { userId: '1', email: 'fake_email@example.com' };
const GET_CALL = [
  'keystone_get_account_plan',
  { propertiesToSend: ['hs_object_id'], parameters: { historyLimit: 20 } },
];

type Answers = { get?: unknown[]; save?: unknown[] };

/** A runFunction spy answering each plan function from its own queue (the last answer repeats). */
function planRunner({ get = [createGetPlanSuccess()], save = [createSavePlanSuccess()] }: Answers = {}) {
  const queues: Record<string, unknown[]> = {
    keystone_get_account_plan: [...get],
    keystone_save_account_plan: [...save],
  };
  return jest.fn(async (name: string) => {
    const queue = queues[name];
    if (!queue) throw new Error(`unexpected function ${name}`);
    return queue.length > 1 ? queue.shift() : queue[0];
  });
}

function change(node: { trigger: (event: 'onChange', value?: never) => void }, value: unknown): void {
  node.trigger('onChange', value as never);
}

const calendar = (day: string) => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return { year, month: month - 1, date };
};

function render(options: RenderCardOptions & Answers = {}) {
  const { get, save, ...rest } = options;
  const runFunction = options.runFunction ?? planRunner({ get, save });
  return renderCard({ properties: createPlanProperties(), ...rest, runFunction });
}
type Rendered = ReturnType<typeof render>;

async function showPlan(rendered: Rendered) {
  rendered.findByTestId(Button, 'kam-plan-load').trigger('onClick');
  await rendered.waitFor(() => expect(rendered.findByTestId(Table, 'kam-plan-goals')).toBeTruthy());
}

async function openEditor(rendered: Rendered, button = 'kam-plan-edit') {
  rendered.findByTestId(Button, button).trigger('onClick');
  await rendered.waitFor(() => expect(rendered.findByTestId(Tile, 'kam-plan-editor')).toBeTruthy());
}

const savedParams = (runFunction: jest.Mock) => {
  const call = runFunction.mock.calls.find(([name]) => name === 'keystone_save_account_plan') as
    [string, { propertiesToSend: string[]; parameters: unknown }] | undefined;
  if (!call) throw new Error('keystone_save_account_plan was not called');
  expect(call[1].propertiesToSend).toEqual(['hs_object_id']);
  return saveAccountPlanParamsSchema.parse(call[1].parameters);
};

const rowsOf = (rendered: Rendered, testId: string) =>
  rendered
    .findByTestId(Table, testId)
    .findAll(TableRow)
    .slice(1)
    .map((row) => textContent(row));

describe('Account plan summary', () => {
  test('shows status, next review and progress from the properties without calling a function', () => {
    const rendered = render();
    expect(rendered.findByTestId(Heading, 'kam-plan-heading').text).toBe('Account plan');
    expect(rendered.findByTestId(StatusTag, 'kam-plan-status').text).toBe('Review due');
    expect(rendered.findByTestId(StatusTag, 'kam-plan-status').props.variant).toBe('warning');
    expect(rendered.findByTestId(Text, 'kam-plan-next-review').text).toBe('Next review: Dec 15, 2026');
    expect(rendered.findByTestId(Text, 'kam-plan-progress').text).toBe(
      '67% of 3 measurable goals achieved or on track',
    );
    expect(rendered.findByTestId(Button, 'kam-plan-load').text).toBe('Show account plan');
    expect(rendered.runFunction).not.toHaveBeenCalled();
  });

  test('reads a date property sent as epoch milliseconds and ignores values it does not know', () => {
    const rendered = render({
      properties: createPlanProperties({
        kam_plan_status: 'overdue',
        kam_plan_next_review: String(Date.UTC(2026, 10, 1)),
        kam_plan_progress: 'n/a',
      }),
    });
    expect(rendered.findByTestId(StatusTag, 'kam-plan-status').text).toBe('Review overdue');
    expect(rendered.findByTestId(Text, 'kam-plan-next-review').text).toBe('Next review: Nov 1, 2026');
    expect(rendered.maybeFindByTestId(Text, 'kam-plan-progress')).toBeNull();
  });
});

describe('Account plan', () => {
  test('loads the plan on request and shows goals with their progress', async () => {
    const rendered = render();
    await showPlan(rendered);
    expect(rendered.runFunction.mock.calls).toEqual([GET_CALL]);
    expect(rendered.findByTestId(Text, 'kam-plan-goal-g-revenue').text).toBe(
      'won revenue ≥ 400,000 by Jun 30, 2027: 61% there (now 244,000)',
    );
    expect(rendered.findByTestId(Text, 'kam-plan-goal-g-coverage').text).toBe(
      'buying-centre coverage ≥ 80% by Mar 31, 2027: 50% there (now 40%)',
    );
    expect(rendered.findByTestId(Text, 'kam-plan-goal-g-tier').text).toBe(
      'tier at least Key by Jun 30, 2027 (now Key)',
    );
    expect(rendered.findByTestId(Text, 'kam-plan-goal-g-words').text).toBe(
      'tracked by the manager by Feb 28, 2027',
    );
    const goals = rowsOf(rendered, 'kam-plan-goals');
    expect(goals[0]).toContain('Grow won revenue');
    expect(goals[0]).toContain('Client’s goal: Fewer, larger suppliers');
    expect(goals).toEqual([
      expect.stringMatching(/On track$/),
      expect.stringMatching(/Behind$/),
      expect.stringMatching(/Achieved$/),
      expect.stringMatching(/Not measured$/),
    ]);
    expect(rendered.maybeFindByTestId(Text, 'kam-plan-not-assessed')).toBeNull();
  });

  test('shows the client’s goals, strategy, resources, tactics, owner and review dates', async () => {
    const rendered = render();
    await showPlan(rendered);
    expect(textContent(rendered.findByTestId(Text, 'kam-plan-owner'))).toBe('HubSpot user 7001');
    expect(rendered.findByTestId(Text, 'kam-plan-last-reviewed').text).toBe('Nov 20, 2026');
    expect(rendered.findByTestId(Text, 'kam-plan-next-review-on').text).toBe('Dec 15, 2026');
    const view = textContent(rendered.findByTestId(Flex, 'kam-plan-view'));
    expect(view).toContain('Cut the supplier count to three');
    expect(view).toContain('Bundle spare parts with the service contract.');
    expect(view).toContain('Direct, through the plant managers.');
    expect(view).not.toContain('Promotion');
    expect(view).toContain('One service engineer on site two days a week.');
    expect(view).toContain('Quarterly business review with the COO.');
  });

  test('lists opportunities in the assessment’s ranking with kind, effort and payoff', async () => {
    const rendered = render();
    await showPlan(rendered);
    expect(rendered.findByTestId(Text, 'kam-plan-opportunity-order').text).toBe(
      'Ranked by payoff for the effort.',
    );
    expect(rowsOf(rendered, 'kam-plan-opportunities')).toEqual([
      'Spare parts for line 3 Increase use of existing products time low, money low, people low medium',
      'Second plant in Kazan Tender expected in Q2 Expand the business time high, money high, people high high',
      'Service-level agreement Improve service level time medium, money low, people medium medium',
    ]);
  });

  test('keeps plan order and says the goals are not assessed when the explanation has no plan block', async () => {
    const rendered = render({ properties: createPlanProperties({ kam_plan_status: 'current' }, null) });
    await showPlan(rendered);
    expect(rendered.findByTestId(Text, 'kam-plan-opportunity-order').text).toBe(
      'In plan order (ranked at the next recalculation).',
    );
    expect(rowsOf(rendered, 'kam-plan-opportunities').map((row) => row.split(' ')[0])).toEqual([
      'Service-level',
      'Second',
      'Spare',
    ]);
    expect(rendered.findByTestId(Text, 'kam-plan-not-assessed').text).toBe(
      'Not assessed yet: Recalculate measures the goals.',
    );
    expect(rendered.findByTestId(Text, 'kam-plan-goal-g-revenue').text).toBe(
      'won revenue ≥ 400,000 by Jun 30, 2027',
    );
  });

  test('says when the progress shown was measured on an earlier version', async () => {
    const rendered = render({
      properties: createPlanProperties({}, createPlanAssessment({ versionId: '402', version: 'v2' })),
    });
    await showPlan(rendered);
    expect(rendered.findByTestId(Text, 'kam-plan-assessed-other').text).toBe(
      'Progress is from version v2; Recalculate to assess this one.',
    );
  });

  test('lists the versions with who saved them, when, and their note', async () => {
    const rendered = render();
    await showPlan(rendered);
    const versions = textContent(rendered.findByTestId(Flex, 'kam-plan-versions'));
    expect(versions).toContain('v3, saved by kam.lead@example.com on Nov 20, 2026');
    expect(versions).toContain('“Autumn review with the client”');
    expect(versions).toContain('current');
    expect(versions).toContain('v2, saved by anna@example.com on Aug 1, 2026');
  });

  test('shows a spinner while loading, and the function’s error with a retry', async () => {
    const deferred = createDeferred<unknown>();
    const runFunction = jest
      .fn()
      .mockReturnValueOnce(deferred.promise)
      .mockResolvedValueOnce(createGetPlanSuccess());
    const rendered = render({ runFunction });
    rendered.findByTestId(Button, 'kam-plan-load').trigger('onClick');
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(LoadingSpinner, 'kam-plan-loading').props.label).toBe(
        'Loading the account plan…',
      ),
    );
    deferred.resolve(createFunctionFailure());
    await rendered.waitFor(() =>
      expect(textContent(rendered.findByTestId(Alert, 'kam-plan-error'))).toContain('HTTP 503'),
    );
    expect(rendered.findByTestId(Alert, 'kam-plan-error').props.title).toBe('Account plan unavailable');
    rendered.findByTestId(Button, 'kam-plan-retry').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.findByTestId(Table, 'kam-plan-goals')).toBeTruthy());
    expect(runFunction).toHaveBeenCalledTimes(2);
  });
});

describe('Account plan empty states', () => {
  test('asks a key account without a plan to write one, loading before the editor opens', async () => {
    const rendered = render({
      properties: createPlanProperties({ kam_tier: 'key' }, null),
      get: [createGetPlanSuccess({ plan: null, versions: [] })],
    });
    expect(rendered.findByTestId(StatusTag, 'kam-plan-status').text).toBe('No plan');
    const write = rendered.findByTestId(Button, 'kam-plan-write');
    expect(write.text).toBe('Write the account plan');
    expect(write.props.variant).toBe('primary');
    expect(textContent(rendered.findByTestId(Flex, 'kam-plan-empty'))).toContain(
      'This key account has no development plan',
    );
    expect(rendered.runFunction).not.toHaveBeenCalled();
    await openEditor(rendered, 'kam-plan-write');
    expect(rendered.runFunction.mock.calls).toEqual([GET_CALL]);
    const today = dayOf(new Date());
    expect(rendered.findByTestId(Input, 'kam-plan-owner-input').props.value).toBe(ACTING_USER.userId);
    expect(rendered.findByTestId(DateInput, 'kam-plan-last-reviewed-input').props.value).toEqual(
      calendar(today),
    );
    expect(rendered.findByTestId(DateInput, 'kam-plan-next-review-input').props.value).toEqual(
      calendar(addDays(today, 91)),
    );
  });

  test('is quieter for an account that is not key', () => {
    const rendered = render({ properties: createPlanProperties({ kam_tier: 'regular' }, null) });
    const write = rendered.findByTestId(Button, 'kam-plan-write');
    expect(write.text).toBe('Write a plan');
    expect(write.props.variant).toBe('secondary');
    expect(textContent(rendered.findByTestId(Flex, 'kam-plan-empty'))).toContain('No account plan.');
  });

  test('says plans need custom objects when the store is unavailable, and opens no editor', async () => {
    const rendered = render({
      properties: createPlanProperties({}, null),
      get: [createGetPlanSuccess({ plan: null, versions: [], storeAvailable: false })],
    });
    rendered.findByTestId(Button, 'kam-plan-write').trigger('onClick');
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(Alert, 'kam-plan-store-unavailable').props.title).toBe(
        'Plans cannot be stored in this portal',
      ),
    );
    expect(textContent(rendered.findByTestId(Alert, 'kam-plan-store-unavailable'))).toContain('Enterprise');
    expect(rendered.maybeFindByTestId(Tile, 'kam-plan-editor')).toBeNull();
  });

  test('names the fields of a stored version that fails the schema and saves on top of it', async () => {
    const invalid = createPlanVersion({
      versionId: '777',
      version: 'v5',
      isValid: false,
      issues: [
        { path: 'goals.0.deadline', message: 'must not be before the day the goal was set' },
        { path: 'nextReviewOn', message: 'must be a date, e.g. 2027-06-30' },
      ],
    });
    const runFunction = planRunner({
      get: [createGetPlanSuccess({ plan: null, invalidCurrent: invalid, versions: [invalid] })],
    });
    const rendered = render({ runFunction });
    await rendered.waitFor(() => undefined);
    rendered.findByTestId(Button, 'kam-plan-load').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.findByTestId(Alert, 'kam-plan-invalid')).toBeTruthy());
    const alert = rendered.findByTestId(Alert, 'kam-plan-invalid');
    expect(alert.props.title).toBe('The stored plan v5 does not pass validation');
    expect(textContent(alert)).toContain('Goal 1 › Deadline: must not be before the day the goal was set');
    expect(textContent(alert)).toContain('Next review: must be a date, e.g. 2027-06-30');
    await openEditor(rendered);
    rendered.findByTestId(LoadingButton, 'kam-plan-save').trigger('onClick');
    await rendered.waitFor(() => expect(runFunction).toHaveBeenCalledTimes(3));
    expect(savedParams(runFunction).baseVersionId).toBe('777');
  });
});

describe('Account plan, a stored version that fails the schema', () => {
  test('opens the editor on what was stored, so the manager repairs the named fields', async () => {
    const invalid = createPlanVersion({
      versionId: '778',
      version: 'v6',
      isValid: false,
      issues: [{ path: 'goals.0.deadline', message: 'must be a date, e.g. 2027-06-30' }],
    });
    const content = {
      ownerUserId: '4242',
      clientGoals: 'Halve their supplier count',
      goals: [
        { id: 'g1', title: 'Win the second plant', setOn: '2026-11-01', deadline: 'soon', target: null },
      ],
      tactics: 'Monthly site visit',
    };
    const runFunction = planRunner({
      get: [
        createGetPlanSuccess({
          plan: null,
          invalidCurrent: invalid,
          invalidContent: content,
          versions: [invalid],
        }),
      ],
    });
    const rendered = render({ runFunction });
    await rendered.waitFor(() => undefined);
    rendered.findByTestId(Button, 'kam-plan-load').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.findByTestId(Alert, 'kam-plan-invalid')).toBeTruthy());
    await openEditor(rendered);
    expect(rendered.findByTestId(Input, 'kam-plan-goal-0-title').props.value).toBe('Win the second plant');
    expect(rendered.findByTestId(Input, 'kam-plan-owner-input').props.value).toBe('4242');
    const calls = runFunction.mock.calls.length;
    rendered.findByTestId(LoadingButton, 'kam-plan-save').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.findByTestId(Alert, 'kam-plan-issues')).toBeTruthy());
    expect(textContent(rendered.findByTestId(Alert, 'kam-plan-issues'))).toContain('Goal 1 › Deadline');
    expect(runFunction.mock.calls.length).toBe(calls);
  });
});

describe('Account plan editor', () => {
  test('checks the plan with the schema and shows each field’s message, sending nothing', async () => {
    const rendered = render();
    await showPlan(rendered);
    await openEditor(rendered);
    rendered.findByTestId(Button, 'kam-plan-add-goal').trigger('onClick');
    change(rendered.findByTestId(Select, 'kam-plan-goal-4-metric'), 'won_revenue_12m');
    change(rendered.findByTestId(Input, 'kam-plan-goal-0-title'), '   ');
    change(rendered.findByTestId(Input, 'kam-plan-owner-input'), 'bob');
    rendered.findByTestId(LoadingButton, 'kam-plan-save').trigger('onClick');

    const messageOf = (component: typeof Input | typeof NumberInput | typeof DateInput, testId: string) =>
      rendered.findByTestId(component as typeof Input, testId).props.validationMessage;
    await rendered.waitFor(() => expect(rendered.findByTestId(Alert, 'kam-plan-issues')).toBeTruthy());
    expect(messageOf(Input, 'kam-plan-goal-0-title')).toBe('must not be empty');
    expect(messageOf(Input, 'kam-plan-goal-4-title')).toBe('must not be empty');
    expect(messageOf(NumberInput, 'kam-plan-goal-4-amount')).toBe('enter a value');
    expect(messageOf(Input, 'kam-plan-owner-input')).toBe('must be a HubSpot user id');
    expect(rendered.findByTestId(Input, 'kam-plan-goal-0-title').props.error).toBe(true);
    expect(rendered.findByTestId(Alert, 'kam-plan-issues').props.title).toBe('Some fields need attention');
    const listed = textContent(rendered.findByTestId(Alert, 'kam-plan-issues'));
    expect(listed).toContain('Goal 1 › Goal: must not be empty');
    expect(listed).toContain('Goal 5 › Measured by: enter a value');
    expect(listed).toContain('Owner (HubSpot user id): must be a HubSpot user id');
    expect(rendered.runFunction.mock.calls).toEqual([GET_CALL]);
  });

  test('checks a goal’s deadline and the next review against their dates once the fields pass', async () => {
    const rendered = render();
    await showPlan(rendered);
    await openEditor(rendered);
    change(rendered.findByTestId(DateInput, 'kam-plan-goal-1-deadline'), calendar('2026-06-01'));
    change(rendered.findByTestId(DateInput, 'kam-plan-next-review-input'), calendar('2026-11-01'));
    rendered.findByTestId(LoadingButton, 'kam-plan-save').trigger('onClick');
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(DateInput, 'kam-plan-goal-1-deadline').props.validationMessage).toBe(
        'must not be before the day the goal was set',
      ),
    );
    expect(rendered.findByTestId(DateInput, 'kam-plan-next-review-input').props.validationMessage).toBe(
      `must be after the last review and at most ${PLAN_LIMITS.reviewIntervalMaxDays} days after it`,
    );
    expect(rendered.runFunction.mock.calls).toEqual([GET_CALL]);
  });

  test('saves every edited field with the version opened and a note, then reloads plan and record', async () => {
    const runFunction = planRunner();
    const rendered = render({ runFunction });
    await showPlan(rendered);
    await openEditor(rendered);
    change(rendered.findByTestId(TextArea, 'kam-plan-client-goals-input'), 'Halve downtime');
    change(rendered.findByTestId(Input, 'kam-plan-goal-0-title'), '  Grow won revenue to 400k  ');
    change(rendered.findByTestId(NumberInput, 'kam-plan-goal-0-amount'), 450_000);
    change(rendered.findByTestId(Select, 'kam-plan-goal-2-metric'), 'kaism_quadrant');
    change(rendered.findByTestId(Select, 'kam-plan-goal-2-quadrant'), 'key_development');
    rendered.findByTestId(Button, 'kam-plan-goal-3-remove').trigger('onClick');
    rendered.findByTestId(Button, 'kam-plan-add-goal').trigger('onClick');
    change(rendered.findByTestId(Input, 'kam-plan-goal-3-title'), 'Ten orders a year');
    change(rendered.findByTestId(DateInput, 'kam-plan-goal-3-set-on'), calendar('2026-12-01'));
    change(rendered.findByTestId(DateInput, 'kam-plan-goal-3-deadline'), calendar('2027-12-01'));
    change(rendered.findByTestId(Select, 'kam-plan-goal-3-metric'), 'purchases_12m');
    change(rendered.findByTestId(NumberInput, 'kam-plan-goal-3-amount'), 10);
    change(rendered.findByTestId(TextArea, 'kam-plan-strategy-promotion'), 'Joint case study');
    change(rendered.findByTestId(TextArea, 'kam-plan-resources-input'), 'Two engineers');
    change(rendered.findByTestId(TextArea, 'kam-plan-tactics-input'), 'Monthly call');
    rendered.findByTestId(Button, 'kam-plan-opp-0-remove').trigger('onClick');
    rendered.findByTestId(Button, 'kam-plan-add-opportunity').trigger('onClick');
    change(rendered.findByTestId(Input, 'kam-plan-opp-2-title'), 'Training for operators');
    change(rendered.findByTestId(Select, 'kam-plan-opp-2-kind'), 'improve_service');
    change(rendered.findByTestId(Select, 'kam-plan-opp-2-time'), 'low');
    change(rendered.findByTestId(Select, 'kam-plan-opp-2-money'), 'high');
    change(rendered.findByTestId(Select, 'kam-plan-opp-2-people'), 'low');
    change(rendered.findByTestId(Select, 'kam-plan-opp-2-payoff'), 'high');
    change(rendered.findByTestId(TextArea, 'kam-plan-opp-2-notes'), 'Two sessions');
    change(rendered.findByTestId(Input, 'kam-plan-owner-input'), '7002');
    change(rendered.findByTestId(DateInput, 'kam-plan-last-reviewed-input'), calendar('2026-12-01'));
    change(rendered.findByTestId(DateInput, 'kam-plan-next-review-input'), calendar('2027-03-01'));
    change(rendered.findByTestId(Input, 'kam-plan-note'), '  December review  ');
    rendered.findByTestId(LoadingButton, 'kam-plan-save').trigger('onClick');

    await rendered.waitFor(() => expect(rendered.alerts()).toHaveLength(1));
    const before = createStoredPlan().plan;
    const expected: AccountPlanInput = {
      ...before,
      ownerUserId: '7002',
      clientGoals: 'Halve downtime',
      goals: [
        {
          ...before.goals[0]!,
          title: 'Grow won revenue to 400k',
          target: { metric: 'won_revenue_12m', atLeast: 450_000 },
        },
        before.goals[1]!,
        { ...before.goals[2]!, target: { metric: 'kaism_quadrant', equals: 'key_development' } },
        {
          id: 'goal-4',
          title: 'Ten orders a year',
          clientGoal: '',
          setOn: '2026-12-01',
          deadline: '2027-12-01',
          target: { metric: 'purchases_12m', atLeast: 10 },
        },
      ],
      strategy: { ...before.strategy, promotion: 'Joint case study' },
      resources: 'Two engineers',
      tactics: 'Monthly call',
      opportunities: [
        before.opportunities[1]!,
        before.opportunities[2]!,
        {
          id: 'opp-3',
          title: 'Training for operators',
          kind: 'improve_service',
          effort: { time: 'low', money: 'high', people: 'low' },
          payoff: 'high',
          notes: 'Two sessions',
        },
      ],
      lastReviewedOn: '2026-12-01',
      nextReviewOn: '2027-03-01',
    };
    expect(savedParams(runFunction)).toEqual({
      plan: expected,
      baseVersionId: '501',
      note: 'December review',
      actingUser: ACTING_USER,
    });
    expect(rendered.alerts()[0]).toEqual({
      type: 'success',
      title: 'Account plan saved',
      message: 'Saved as v4; the plan status is updated.',
    });
    await rendered.waitFor(() => expect(rendered.refetch).toHaveBeenCalledTimes(1));
    expect(rendered.mocks.actions.refreshObjectProperties.calls).toHaveLength(1);
    expect(runFunction.mock.calls.map(([name]) => name)).toEqual([
      'keystone_get_account_plan',
      'keystone_save_account_plan',
      'keystone_get_account_plan',
    ]);
    await rendered.waitFor(() => expect(rendered.maybeFindByTestId(Tile, 'kam-plan-editor')).toBeNull());
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(Text, 'kam-plan-saved').text).toBe(
        'Saved as v4; the plan status is updated.',
      ),
    );
  });

  test('says a save stands when the rescoring after it failed', async () => {
    const rendered = render({
      save: [
        createSavePlanSuccess({
          changedProperties: [],
          rescoreError: { code: 'hubspot.server_error', message: 'rescoring company 123 failed: HTTP 503' },
        }),
      ],
    });
    await showPlan(rendered);
    rendered.findByTestId(LoadingButton, 'kam-plan-mark-reviewed').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.alerts()).toHaveLength(1));
    expect(rendered.alerts()[0]).toEqual({
      type: 'warning',
      title: 'Account plan saved',
      message: 'Saved as v4, but the plan status could not be updated now; Recalculate updates it.',
    });
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(Text, 'kam-plan-saved').text).toMatch(/^Saved as v4, but/),
    );
    expect(rendered.maybeFindByTestId(Alert, 'kam-plan-save-error')).toBeNull();
  });

  test('shows the save as running, with the button loading', async () => {
    const deferred = createDeferred<unknown>();
    const rendered = render({ save: [deferred.promise] });
    await showPlan(rendered);
    await openEditor(rendered);
    rendered.findByTestId(LoadingButton, 'kam-plan-save').trigger('onClick');
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(Text, 'kam-plan-saving').text).toBe('Saving the plan…'),
    );
    expect(rendered.findByTestId(LoadingButton, 'kam-plan-save').props.loading).toBe(true);
    deferred.resolve(createSavePlanSuccess());
    await rendered.waitFor(() => expect(rendered.maybeFindByTestId(Tile, 'kam-plan-editor')).toBeNull());
  });

  test('explains a conflict in words and reloads the newer version on request', async () => {
    const newer = createGetPlanSuccess({ plan: createStoredPlan({}, { versionId: '503', version: 'v5' }) });
    const runFunction = planRunner({
      get: [createGetPlanSuccess(), newer],
      save: [
        createFunctionFailure('plan.conflict', 'plan of company 123: base version 501 is not current (503)'),
      ],
    });
    const rendered = render({ runFunction });
    await showPlan(rendered);
    await openEditor(rendered);
    change(rendered.findByTestId(TextArea, 'kam-plan-tactics-input'), 'Weekly call');
    rendered.findByTestId(LoadingButton, 'kam-plan-save').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.findByTestId(Alert, 'kam-plan-conflict')).toBeTruthy());
    expect(textContent(rendered.findByTestId(Alert, 'kam-plan-conflict'))).toContain(
      'Someone saved a newer version of this plan while you were editing; reload it',
    );
    expect(rendered.alerts()[0]).toMatchObject({ type: 'danger', title: 'Plan not saved' });
    expect(rendered.refetch).not.toHaveBeenCalled();
    expect(rendered.findByTestId(TextArea, 'kam-plan-tactics-input').props.value).toBe('Weekly call');

    rendered.findByTestId(Button, 'kam-plan-reload').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.findByTestId(Table, 'kam-plan-goals')).toBeTruthy());
    expect(runFunction.mock.calls.filter(([name]) => name === 'keystone_get_account_plan')).toHaveLength(2);
    await openEditor(rendered);
    rendered.findByTestId(LoadingButton, 'kam-plan-save').trigger('onClick');
    await rendered.waitFor(() =>
      expect(runFunction.mock.calls.filter(([name]) => name === 'keystone_save_account_plan')).toHaveLength(
        2,
      ),
    );
    const lastSave = runFunction.mock.calls
      .filter(([name]) => name === 'keystone_save_account_plan')
      .at(-1) as unknown as [string, { parameters: unknown }];
    expect(saveAccountPlanParamsSchema.parse(lastSave[1].parameters).baseVersionId).toBe('503');
  });

  test('shows the function’s field issues next to the fields', async () => {
    const rendered = render({
      save: [
        {
          ok: false,
          error: {
            code: 'input.invalid',
            message: 'keystone_save_account_plan: invalid parameters',
            issues: [{ path: 'plan.goals.0.title', message: 'must not repeat another goal' }],
          },
        },
      ],
    });
    await showPlan(rendered);
    await openEditor(rendered);
    rendered.findByTestId(LoadingButton, 'kam-plan-save').trigger('onClick');
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(Input, 'kam-plan-goal-0-title').props.validationMessage).toBe(
        'must not repeat another goal',
      ),
    );
    expect(textContent(rendered.findByTestId(Alert, 'kam-plan-save-error'))).toContain('invalid parameters');
  });

  test('marks the plan reviewed today, keeping the review interval', async () => {
    const runFunction = planRunner();
    const rendered = render({ runFunction });
    await showPlan(rendered);
    rendered.findByTestId(LoadingButton, 'kam-plan-mark-reviewed').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.alerts()).toHaveLength(1));
    const today = dayOf(new Date());
    const params = savedParams(runFunction);
    // the plan's interval: 2026-11-20 to 2026-12-15, 25 days
    expect(params).toEqual({
      plan: { ...createStoredPlan().plan, lastReviewedOn: today, nextReviewOn: addDays(today, 25) },
      baseVersionId: '501',
      note: 'Reviewed',
      actingUser: ACTING_USER,
    });
  });
});

describe('Account plan at its limits', () => {
  const manyGoals = Array.from({ length: PLAN_LIMITS.goals }, (_, index) => ({
    id: `g${index + 1}`,
    title: `Goal number ${index + 1}`,
    setOn: '2026-07-01',
    deadline: '2027-06-30',
    target: index % 2 === 0 ? { metric: 'won_revenue_12m' as const, atLeast: 100_000 * (index + 1) } : null,
  }));
  const manyOpportunities = Array.from({ length: PLAN_LIMITS.opportunities }, (_, index) => ({
    id: `o${index + 1}`,
    title: `Opportunity number ${index + 1}`,
    kind: 'expand_business' as const,
    effort: { time: 'low' as const, money: 'low' as const, people: 'low' as const },
    payoff: 'high' as const,
  }));
  const big = createStoredPlan({ goals: manyGoals, opportunities: manyOpportunities });
  const reversed = manyOpportunities.map((item) => item.id).reverse();

  test('shows 12 goals and 20 ranked opportunities, and the editor adds no more', async () => {
    const runFunction = planRunner({ get: [createGetPlanSuccess({ plan: big })] });
    const rendered = render({
      runFunction,
      properties: createPlanProperties(
        {},
        createPlanAssessment({
          goals: manyGoals.map((goal, index) => ({
            goalId: goal.id,
            metric: goal.target ? 'won_revenue_12m' : null,
            status: goal.target ? 'behind' : 'not_measured',
            actual: goal.target ? 50_000 : null,
            share: goal.target ? 50_000 / (100_000 * (index + 1)) : null,
            elapsed: 0.5,
          })),
          measurableGoals: 6,
          opportunityRanking: reversed,
        }),
      ),
    });
    await showPlan(rendered);
    expect(rowsOf(rendered, 'kam-plan-goals')).toHaveLength(12);
    expect(rendered.findByTestId(Text, 'kam-plan-goal-g3').text).toBe(
      'won revenue ≥ 300,000 by Jun 30, 2027: 17% there (now 50,000)',
    );
    const opportunities = rowsOf(rendered, 'kam-plan-opportunities');
    expect(opportunities).toHaveLength(20);
    expect(opportunities[0]).toContain('Opportunity number 20');
    expect(opportunities[19]).toContain('Opportunity number 1 ');

    await openEditor(rendered);
    expect(
      rendered.findAll(Tile).filter((tile) => /^kam-plan-goal-editor-/.test(tile.props.testId ?? '')),
    ).toHaveLength(12);
    expect(rendered.findByTestId(Button, 'kam-plan-add-goal').props.disabled).toBe(true);
    expect(rendered.findByTestId(Button, 'kam-plan-add-opportunity').props.disabled).toBe(true);
    rendered.findByTestId(LoadingButton, 'kam-plan-save').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.alerts()).toHaveLength(1));
    const params = savedParams(runFunction);
    expect(params.plan.goals).toHaveLength(12);
    expect(params.plan.opportunities.map((item) => item.id)).toEqual(
      manyOpportunities.map((item) => item.id),
    );
  });
});

describe('Account plan in Russian', () => {
  test('speaks Russian in the summary, the plan and the editor’s messages', async () => {
    const rendered = render({ locale: 'ru-RU' });
    expect(rendered.findByTestId(Heading, 'kam-plan-heading').text).toBe('План развития клиента');
    expect(rendered.findByTestId(StatusTag, 'kam-plan-status').text).toBe('Пора пересмотреть');
    expect(rendered.findByTestId(Button, 'kam-plan-load').text).toBe('Показать план');
    await showPlan(rendered);
    expect(rendered.findByTestId(Text, 'kam-plan-goal-g-tier').text).toMatch(
      /^уровень не ниже «Ключевой» к /,
    );
    expect(rendered.findByTestId(Text, 'kam-plan-goal-g-revenue').text).toMatch(/: пройдено 61\s%/);
    expect(rowsOf(rendered, 'kam-plan-goals')[0]).toContain('По плану');
    expect(rowsOf(rendered, 'kam-plan-opportunities')[0]).toContain('Больше использовать имеющиеся продукты');
    await openEditor(rendered);
    change(rendered.findByTestId(Input, 'kam-plan-goal-0-title'), '');
    rendered.findByTestId(LoadingButton, 'kam-plan-save').trigger('onClick');
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(Input, 'kam-plan-goal-0-title').props.validationMessage).toBe(
        'не должно быть пустым',
      ),
    );
    expect(rendered.findByTestId(Alert, 'kam-plan-issues').props.title).toBe('Проверьте поля');
  });

  test('writes the conflict in Russian', async () => {
    const rendered = render({
      locale: 'ru',
      save: [createFunctionFailure('plan.conflict', 'base version is not current')],
    });
    await showPlan(rendered);
    await openEditor(rendered);
    rendered.findByTestId(LoadingButton, 'kam-plan-save').trigger('onClick');
    await rendered.waitFor(() =>
      expect(textContent(rendered.findByTestId(Alert, 'kam-plan-conflict'))).toContain(
        'кто-то сохранил более новую версию плана',
      ),
    );
  });
});
