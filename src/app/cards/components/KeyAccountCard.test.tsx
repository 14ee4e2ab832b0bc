import {
  Accordion,
  Alert,
  BarChart,
  Button,
  EmptyState,
  ErrorState,
  Heading,
  LineChart,
  List,
  LoadingButton,
  LoadingSpinner,
  ProgressBar,
  ScoreCircle,
  StatisticsItem,
  StatusTag,
  Table,
  TableRow,
  Tag,
  Text,
  Tile,
  Flex,
} from '@hubspot/ui-extensions';
import {
  EXPLANATION,
  NEVER_SCORED_PROPERTIES,
  createDeferred,
  createExplanation,
  createFunctionFailure,
  createKamProperties,
  createPinnedProperties,
  createRecalculateSuccess,
  createScoreHistoryPoint,
  createScoreHistorySuccess,
  createTaskSuccess,
} from '../test-utils/fixtures';
import { renderCard, type RenderCardOptions } from '../test-utils/render-card';
import { formatDateTime } from '@keystone/shared';
import { textContent } from '@keystone/shared/test-utils';

const RECALCULATE_CALL = ['keystone_recalculate_company', { propertiesToSend: ['hs_object_id'] }];

describe('KeyAccountCard states', () => {
  test('shows a spinner while HubSpot loads the properties', () => {
    const { findByTestId, maybeFindByTestId } = renderCard({ isLoading: true });
    expect(findByTestId(LoadingSpinner, 'kam-loading').props.label).toBe('Loading key-account data…');
    expect(maybeFindByTestId(LoadingButton, 'kam-recalculate')).toBeNull();
  });

  test('shows an error state with a retry when the properties cannot be loaded', () => {
    const { findByTestId, refetch } = renderCard({ error: new Error('network') });
    expect(findByTestId(ErrorState, 'kam-properties-error').props.title).toBe('Key-account data unavailable');
    findByTestId(Button, 'kam-properties-retry').trigger('onClick');
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  test('asks for the company’s kam_* properties and nothing else on the fast path', () => {
    const { mocks, runFunction } = renderCard();
    const [propertyNames] = mocks.useCrmProperties.calls[0] ?? [];
    expect(propertyNames).toEqual(
      expect.arrayContaining(['hs_object_id', 'kam_score', 'kam_explanation', 'kam_tier']),
    );
    expect(runFunction).not.toHaveBeenCalled();
  });

  test('shows the empty state for a company that was never scored', () => {
    const { findByTestId, maybeFindByTestId } = renderCard({ properties: NEVER_SCORED_PROPERTIES });
    expect(findByTestId(EmptyState, 'kam-never-scored').props.title).toBe('Not scored yet');
    expect(maybeFindByTestId(ScoreCircle, 'kam-score')).toBeNull();
  });
});

describe('KeyAccountCard for a scored company', () => {
  test('shows tier and quadrant as tags, the score, both axes with their levels and the revenue figures', () => {
    const { findByTestId, findAll } = renderCard();
    expect(findByTestId(Tag, 'kam-tier').text).toBe('Tier: Key');
    expect(findByTestId(Tag, 'kam-quadrant').text).toBe('KAISM quadrant: Key account');
    expect(findByTestId(ScoreCircle, 'kam-score').props.score).toBe(72);
    expect(findByTestId(ProgressBar, 'kam-attractiveness').props).toMatchObject({
      value: 78.1,
      valueDescription: '78 / 100 · strong',
    });
    expect(findByTestId(ProgressBar, 'kam-strength').props).toMatchObject({
      value: 63.5,
      valueDescription: '64 / 100 · medium',
    });
    const statistics = findAll(StatisticsItem).map((item) => [item.props.label, item.props.number]);
    expect(statistics).toEqual([
      ['Won revenue, last 12 months', '185,000'],
      ['Confidence', '85%'],
    ]);
  });

  test('shows the strategy with one line of what it means (methodology §4)', () => {
    const { findByTestId } = renderCard({
      properties: createKamProperties({ kam_strategy: 'retain_selectively' }),
    });
    expect(findByTestId(Heading, 'kam-strategy-heading').text).toBe('Strategy: Retain selectively');
    expect(findByTestId(Text, 'kam-strategy-meaning').text).toMatch(
      /^An attractive customer where we are weak/,
    );
  });

  test('shows the risk level, its loss stage and the signals that raised it', () => {
    const { findByTestId } = renderCard();
    expect(findByTestId(StatusTag, 'kam-risk-tag').text).toBe('Watch');
    expect(findByTestId(Text, 'kam-loss-stage').text).toBe(
      'Loss stage 1 of 4 — Recurring problems and dissatisfaction.',
    );
    expect(textContent(findByTestId(List, 'kam-risk-signals'))).toBe('Tickets doubled in the last 90 days');
  });

  test('shows the graded risk score, the signs that weigh most and, when calibrated, what the level meant here', () => {
    const risk = {
      ...EXPLANATION.risk,
      score: 34,
      contributions: [
        { id: 'purchase_silence', points: 18 },
        { id: 'ticket_burst', points: 7 },
        { id: 'contact_gap', points: 3 },
        { id: 'blockers', points: 1 },
      ],
      calibrated: { accounts: 120, declined: 48, horizonMonths: 12 },
    };
    const properties = createKamProperties({}, createExplanation({ risk }));
    const { findByTestId } = renderCard({ properties });
    expect(findByTestId(Text, 'kam-risk-score').text).toBe('Risk score 34 of 100');
    expect(findByTestId(Text, 'kam-risk-weighs-most').text).toBe(
      'Weighs most: silent for longer than its purchase rhythm (+18); a burst of tickets (+7); no recent contact (+3)',
    );
    expect(findByTestId(Text, 'kam-risk-calibrated').text).toBe(
      'Here, accounts at this level declined 4 times in 10 within a year (120 accounts in the history).',
    );
  });

  test('quotes no calibrated rate from too few accounts, and nothing of the score for an older document', () => {
    const few = {
      ...EXPLANATION.risk,
      score: 30,
      contributions: [],
      calibrated: { accounts: 5, declined: 2, horizonMonths: 12 },
    };
    const calibratedFew = renderCard({
      properties: createKamProperties({}, createExplanation({ risk: few })),
    });
    expect(calibratedFew.maybeFind(Text, { testId: 'kam-risk-calibrated' })).toBeNull();
    expect(calibratedFew.maybeFind(Text, { testId: 'kam-risk-weighs-most' })).toBeNull();
    const older = renderCard();
    expect(older.maybeFind(Text, { testId: 'kam-risk-score' })).toBeNull();
  });

  test('lists the recommendations with their reasons, each with a Create task button', () => {
    const { findByTestId } = renderCard();
    expect(textContent(findByTestId(Tile, 'kam-recommendation-buying_centre_mapping'))).toBe(
      'Map the buying centre Only 2 of 5 key roles are known Create task',
    );
    expect(findByTestId(LoadingButton, 'kam-create-task-resolve_recurring_problems').text).toBe(
      'Create task',
    );
  });

  test('explains why: every factor with value, weight and contribution, confidence and data gaps', () => {
    const { findByTestId } = renderCard();
    expect(findByTestId(Accordion, 'kam-why').props.title).toBe('Why this score');
    const rows = findByTestId(Table, 'kam-factors-attractiveness').findAll(TableRow).map(textContent);
    expect(rows).toEqual([
      'Customer attractiveness — Factor Value Weight Contribution',
      'Won revenue 82 25 20.5',
      'Revenue growth 64 10 6.4',
      'Market reputation no data 10 0',
    ]);
    expect(findByTestId(Text, 'kam-confidence').text).toBe('Confidence: 85%');
    expect(textContent(findByTestId(Flex, 'kam-data-gaps'))).toBe(
      'Data gaps Market reputation 2 unusable values ignored',
    );
    expect(findByTestId(Text, 'kam-data-issues').text).toBe('2 unusable values ignored');
  });

  test.each([
    ['en-US', 'Revenue size 82 25 20.5', 'Map the buying centre and build a network across the client'],
    [
      'ru-RU',
      'Объём выручки 82 25 20,5',
      'Составить карту закупочного центра и выстроить сеть контактов у клиента',
    ],
  ])(
    'shows a v2 explanation (no stored labels or titles) with the catalogue’s texts in %s',
    (locale, revenueRow, title) => {
      // what the sync writes since v2: ids and figures, the fixed texts left to the catalogue
      const stored = {
        ...EXPLANATION,
        v: 2,
        factors: {
          attractiveness: EXPLANATION.factors.attractiveness.map(({ label: _label, ...rest }) => rest),
          strength: EXPLANATION.factors.strength.map(({ label: _label, ...rest }) => rest),
        },
        recommendations: EXPLANATION.recommendations.map(({ title: _title, ...rest }) => rest),
      };
      const { findByTestId } = renderCard({
        locale,
        properties: createKamProperties({ kam_explanation: JSON.stringify(stored) }),
      });
      const rows = findByTestId(Table, 'kam-factors-attractiveness').findAll(TableRow).map(textContent);
      expect(rows[1]).toBe(revenueRow);
      expect(textContent(findByTestId(Tile, 'kam-recommendation-buying_centre_mapping'))).toContain(title);
    },
  );

  test('draws the revenue trend by year when there is won revenue', () => {
    const { findByTestId } = renderCard();
    expect(findByTestId(BarChart, 'kam-revenue-trend').props.data).toEqual([
      { year: '2023', amount: 120000 },
      { year: '2024', amount: 150000 },
      { year: '2025', amount: 185000 },
    ]);
  });

  test('leaves the revenue trend out when no year has revenue', () => {
    const explanation = createExplanation({ revenueByYear: [{ year: 2025, amount: 0 }] });
    const { maybeFindByTestId } = renderCard({ properties: createKamProperties({}, explanation) });
    expect(maybeFindByTestId(BarChart, 'kam-revenue-trend')).toBeNull();
  });

  describe('tier places (key means few)', () => {
    const places = {
      key: { places: 40, used: 38, leftOut: 3, line: { rank: 74.5, companyId: '901' } },
      important: { places: 150, used: 120, leftOut: 0, line: null },
    };
    const portfolio = { revenueReference: 250_000, paretoClass: 'A' as const, tiers: places };

    test('shows how many places of each tier are held', () => {
      const explanation = createExplanation({ portfolio, thresholdTier: 'key' });
      const { findByTestId, maybeFindByTestId } = renderCard({
        properties: createKamProperties({}, explanation),
      });
      expect(findByTestId(Text, 'kam-tier-places').text).toBe(
        'Key accounts: 38 of 40 places · Important accounts: 120 of 150 places',
      );
      expect(maybeFindByTestId(Text, 'kam-below-tier-line')).toBeNull();
    });

    test('says where the line is for a company that passed the key threshold but ranked below it', () => {
      const explanation = createExplanation({ portfolio, thresholdTier: 'key' });
      const { findByTestId } = renderCard({
        properties: createKamProperties(
          { kam_tier: 'important', kam_tier_computed: 'important' },
          explanation,
        ),
      });
      expect(findByTestId(Text, 'kam-below-tier-line').text).toBe(
        'Passes the key threshold but ranks just below the line: a place goes to a company ranked above 74.5. 3 companies wait below the line.',
      );
    });

    test('in Russian too', () => {
      const explanation = createExplanation({ portfolio, thresholdTier: 'key' });
      const { findByTestId } = renderCard({
        locale: 'ru-RU',
        properties: createKamProperties({}, explanation),
      });
      expect(findByTestId(Text, 'kam-tier-places').text).toBe(
        'Ключевой: занято 38 из 40 мест · Важный: занято 120 из 150 мест',
      );
    });

    test('shows nothing for a document written before tier capacity', () => {
      const { maybeFindByTestId } = renderCard();
      expect(maybeFindByTestId(Text, 'kam-tier-places')).toBeNull();
    });
  });

  test('says when and with which model version the company was scored', () => {
    const { findByTestId } = renderCard();
    expect(findByTestId(Text, 'kam-scored-at').text).toMatch(/^Scored Mar 2, 2026, .+ with model v3$/);
  });

  test('speaks Russian to a Russian-locale user, explanation texts included', () => {
    const { findByTestId } = renderCard({ locale: 'ru-RU' });
    expect(findByTestId(Tag, 'kam-tier').text).toBe('Уровень: Ключевой');
    expect(findByTestId(StatusTag, 'kam-risk-tag').text).toBe('Наблюдать');
    expect(textContent(findByTestId(Tile, 'kam-recommendation-buying_centre_mapping'))).toContain(
      'Составить карту закупочного центра Известны только 2 из 5 ключевых ролей',
    );
    expect(findByTestId(LoadingButton, 'kam-recalculate').text).toBe('Пересчитать');
  });
});

describe('KeyAccountCard with an unreadable kam_explanation', () => {
  test.each([
    ['not JSON', '{"v":1,', 'not valid JSON'],
    [
      'a document of the wrong shape',
      JSON.stringify({ ...EXPLANATION, risk: { level: 'doomed' } }),
      'risk.level',
    ],
    ['an unknown document version', JSON.stringify({ ...EXPLANATION, v: 3 }), 'v:'],
  ])('shows an alert for %s and falls back to the stored summary lines', (_label, raw, reason) => {
    const { findByTestId, maybeFindByTestId } = renderCard({
      properties: createKamProperties({ kam_explanation: raw }),
    });
    const alert = findByTestId(Alert, 'kam-explanation-corrupt');
    expect(alert.props.title).toBe('Score breakdown unreadable');
    expect(textContent(alert)).toContain(reason);
    expect([0, 1].map((index) => findByTestId(Text, `kam-recommendation-line-${index}`).text)).toEqual([
      '1. Map the buying centre — Only 2 of 5 key roles are known',
      '2. Resolve recurring problems — Tickets doubled in the last 90 days',
    ]);
    expect(maybeFindByTestId(Tile, 'kam-recommendation-buying_centre_mapping')).toBeNull();
    expect(textContent(findByTestId(List, 'kam-risk-signals'))).toBe('Tickets doubled in the last 90 days');
    expect(maybeFindByTestId(Accordion, 'kam-why')).toBeNull();
    expect(findByTestId(ScoreCircle, 'kam-score').props.score).toBe(72);
  });

  test('says a breakdown is missing rather than corrupt when none is stored', () => {
    const { findByTestId, maybeFindByTestId } = renderCard({
      properties: createKamProperties({ kam_explanation: null }),
    });
    expect(findByTestId(Text, 'kam-explanation-missing')).toBeTruthy();
    expect(maybeFindByTestId(Alert, 'kam-explanation-corrupt')).toBeNull();
  });
});

describe('Recalculate', () => {
  test('calls the recalculate function for this record, then re-reads the properties and confirms', async () => {
    const runFunction = jest.fn().mockResolvedValue(createRecalculateSuccess());
    const { findByTestId, waitFor, refetch, mocks, alerts } = renderCard({ runFunction });

    findByTestId(LoadingButton, 'kam-recalculate').trigger('onClick');

    expect(runFunction.mock.calls).toEqual([RECALCULATE_CALL]);
    await waitFor(() => expect(refetch).toHaveBeenCalledTimes(1));
    expect(mocks.actions.refreshObjectProperties.calls).toHaveLength(1);
    expect(alerts()).toEqual([{ type: 'success', message: 'Key-account score updated.' }]);
  });

  test('shows the button as loading while the function runs and ignores a second click', async () => {
    const deferred = createDeferred<unknown>();
    const runFunction = jest.fn().mockReturnValue(deferred.promise);
    const { findByTestId, waitFor } = renderCard({ runFunction });

    findByTestId(LoadingButton, 'kam-recalculate').trigger('onClick');
    await waitFor(() => expect(findByTestId(LoadingButton, 'kam-recalculate').props.loading).toBe(true));
    findByTestId(LoadingButton, 'kam-recalculate').trigger('onClick');
    expect(runFunction).toHaveBeenCalledTimes(1);

    deferred.resolve(createRecalculateSuccess({ changedProperties: [] }));
    await waitFor(() => expect(findByTestId(LoadingButton, 'kam-recalculate').props.loading).toBe(false));
  });

  test('does not re-read anything when nothing changed', async () => {
    const runFunction = jest.fn().mockResolvedValue(createRecalculateSuccess({ changedProperties: [] }));
    const { findByTestId, waitFor, refetch, alerts } = renderCard({ runFunction });
    findByTestId(LoadingButton, 'kam-recalculate').trigger('onClick');
    await waitFor(() =>
      expect(alerts()).toEqual([{ type: 'success', message: 'Recalculated: nothing changed.' }]),
    );
    expect(refetch).not.toHaveBeenCalled();
  });

  test('warns that history was cut when the function read only part of a large company', async () => {
    const runFunction = jest.fn().mockResolvedValue(createRecalculateSuccess({ truncated: true }));
    const { findByTestId, waitFor } = renderCard({ runFunction });
    findByTestId(LoadingButton, 'kam-recalculate').trigger('onClick');
    await waitFor(() => expect(findByTestId(Alert, 'kam-truncated').props.title).toBe('Partial history'));
  });

  test('shows the function’s error in the card and in an alert when it answers ok: false', async () => {
    const runFunction = jest
      .fn()
      .mockResolvedValue(
        createFunctionFailure(
          'settings.stored_model_invalid',
          'the active scoring model v4 fails validation',
        ),
      );
    const { findByTestId, waitFor, alerts } = renderCard({ runFunction });
    findByTestId(LoadingButton, 'kam-recalculate').trigger('onClick');
    await waitFor(() =>
      expect(findByTestId(Alert, 'kam-recalculate-error').text).toBe(
        'the active scoring model v4 fails validation',
      ),
    );
    expect(alerts()).toEqual([
      {
        type: 'danger',
        title: 'Recalculation failed',
        message: 'the active scoring model v4 fails validation',
      },
    ]);
    expect(findByTestId(ScoreCircle, 'kam-score')).toBeTruthy();
  });

  test('shows the error state for a never-scored company when HubSpot could not run the function', async () => {
    const runFunction = jest
      .fn()
      .mockRejectedValueOnce(new Error('Serverless function timed out'))
      .mockResolvedValueOnce(createRecalculateSuccess());
    const { findByTestId, waitFor, refetch } = renderCard({
      properties: NEVER_SCORED_PROPERTIES,
      runFunction,
    });
    findByTestId(LoadingButton, 'kam-recalculate').trigger('onClick');
    await waitFor(() =>
      expect(textContent(findByTestId(ErrorState, 'kam-function-error'))).toContain(
        'Serverless function timed out',
      ),
    );

    findByTestId(LoadingButton, 'kam-recalculate').trigger('onClick');
    await waitFor(() => expect(refetch).toHaveBeenCalledTimes(1));
    expect(runFunction).toHaveBeenCalledTimes(2);
  });

  test('treats an answer outside the contract as a failure', async () => {
    const runFunction = jest.fn().mockResolvedValue({ status: 'SUCCESS', response: 'ok' });
    const { findByTestId, waitFor } = renderCard({ runFunction });
    findByTestId(LoadingButton, 'kam-recalculate').trigger('onClick');
    await waitFor(() =>
      expect(findByTestId(Alert, 'kam-recalculate-error').text).toBe(
        'keystone_recalculate_company answered in an unexpected shape',
      ),
    );
  });
});

describe('Create task', () => {
  test('calls the task function with the recommendation id and the user’s language, then confirms', async () => {
    const runFunction = jest.fn().mockResolvedValue(createTaskSuccess());
    const { findByTestId, waitFor, alerts } = renderCard({ runFunction, locale: 'en-US' });

    findByTestId(LoadingButton, 'kam-create-task-buying_centre_mapping').trigger('onClick');

    expect(runFunction.mock.calls).toEqual([
      [
        'keystone_create_task',
        {
          propertiesToSend: ['hs_object_id'],
          parameters: { recommendationId: 'buying_centre_mapping', language: 'en' },
        },
      ],
    ]);
    await waitFor(() =>
      expect(alerts()).toEqual([
        {
          type: 'success',
          title: 'Task created',
          message: '“Map the buying centre” was added to the company owner’s tasks.',
        },
      ]),
    );
  });

  test('says so when today’s task already existed', async () => {
    const runFunction = jest.fn().mockResolvedValue(createTaskSuccess({ created: false }));
    const { findByTestId, waitFor, alerts } = renderCard({ runFunction });
    findByTestId(LoadingButton, 'kam-create-task-buying_centre_mapping').trigger('onClick');
    await waitFor(() =>
      expect(alerts()[0]).toMatchObject({
        type: 'info',
        message: '“Map the buying centre” is already a task for today.',
      }),
    );
  });

  test('asks for the task in Russian for a Russian-locale user', () => {
    const runFunction = jest.fn().mockReturnValue(new Promise(() => undefined));
    const { findByTestId } = renderCard({ runFunction, locale: 'ru' });
    findByTestId(LoadingButton, 'kam-create-task-buying_centre_mapping').trigger('onClick');
    expect(runFunction.mock.calls[0]?.[1]).toMatchObject({ parameters: { language: 'ru' } });
  });

  test('shows the button of that recommendation as loading, and only that one', async () => {
    const runFunction = jest.fn().mockReturnValue(new Promise(() => undefined));
    const { findByTestId, waitFor } = renderCard({ runFunction });
    findByTestId(LoadingButton, 'kam-create-task-buying_centre_mapping').trigger('onClick');
    await waitFor(() =>
      expect(findByTestId(LoadingButton, 'kam-create-task-buying_centre_mapping').props.loading).toBe(true),
    );
    expect(findByTestId(LoadingButton, 'kam-create-task-resolve_recurring_problems').props.loading).toBe(
      false,
    );
  });

  test('shows an alert with the reason when the task could not be created', async () => {
    const runFunction = jest
      .fn()
      .mockResolvedValue(
        createFunctionFailure('task.no_owner', 'the company has no owner to assign the task to'),
      );
    const { findByTestId, waitFor, alerts } = renderCard({ runFunction });
    findByTestId(LoadingButton, 'kam-create-task-resolve_recurring_problems').trigger('onClick');
    await waitFor(() =>
      expect(alerts()).toEqual([
        {
          type: 'danger',
          title: 'Task not created',
          message: 'the company has no owner to assign the task to',
        },
      ]),
    );
  });
});

describe('KeyAccountCard for a company with a pinned tier', () => {
  test('shows the pinned tier with the computed tier beside it, who pinned it, why and until when', () => {
    const { findByTestId } = renderCard({ properties: createPinnedProperties() });
    expect(findByTestId(Tag, 'kam-tier').text).toBe('Tier: Key');
    expect(findByTestId(Tag, 'kam-pin-tag').text).toBe('Pinned: Key');
    expect(findByTestId(Tag, 'kam-computed-tier').text).toBe('Computed tier: Important');
    // the end of the pin in the viewer's own time zone (midnight UTC is Mar 30 in New York)
    expect(findByTestId(Text, 'kam-pin-by').text).toBe(
      `Pinned by kam.lead@example.com (user 7001) until ${formatDateTime('2099-03-31T00:00:00.000Z', 'en')}`,
    );
    expect(findByTestId(Text, 'kam-pin-by').text).toMatch(/ until Mar (30|31), 2099, /);
    expect(findByTestId(Text, 'kam-pin-reason').text).toBe('Reason: Board-level partnership signed');
  });

  test('names a pinned strategy and a pin without an end date', () => {
    const { findByTestId } = renderCard({
      properties: createPinnedProperties({ kam_strategy_pinned: 'withdraw', kam_pin_expires_at: null }),
    });
    expect(findByTestId(Text, 'kam-pin-strategy').text).toBe('Pinned strategy: Withdraw');
    expect(findByTestId(Text, 'kam-pin-by').text).toBe(
      'Pinned by kam.lead@example.com (user 7001), no end date',
    );
  });

  test('speaks Russian about the pin to a Russian-locale user', () => {
    const { findByTestId } = renderCard({ properties: createPinnedProperties(), locale: 'ru' });
    expect(findByTestId(Tag, 'kam-pin-tag').text).toBe('Закреплён: Ключевой');
    expect(findByTestId(Tag, 'kam-computed-tier').text).toBe('Расчётный уровень: Важный');
    expect(findByTestId(Text, 'kam-pin-by').text).toMatch(
      /^Закрепил kam\.lead@example\.com \(user 7001\) до /,
    );
    expect(findByTestId(Text, 'kam-pin-reason').text).toBe('Причина: Board-level partnership signed');
  });

  test('shows no pin once it has lapsed, though its fields stay on the record', () => {
    const { maybeFindByTestId } = renderCard({
      properties: createPinnedProperties({ kam_pin_expires_at: '2020-01-01T00:00:00.000Z' }),
    });
    expect(maybeFindByTestId(Flex, 'kam-pin')).toBeNull();
  });

  test('shows no pin note for a company nobody pinned', () => {
    const { maybeFindByTestId } = renderCard();
    expect(maybeFindByTestId(Tag, 'kam-pin-tag')).toBeNull();
  });
});

describe('Score trend', () => {
  const SCORE_HISTORY_CALL = ['keystone_score_history', { propertiesToSend: ['hs_object_id'] }];

  async function openTrend(answer: unknown, options: RenderCardOptions = {}) {
    const runFunction = jest.fn().mockResolvedValue(answer);
    const card = renderCard({ runFunction, ...options });
    card.findByTestId(Button, 'kam-score-trend-load').trigger('onClick');
    expect(runFunction.mock.calls).toEqual([SCORE_HISTORY_CALL]);
    return card;
  }

  test('calls no function until the user asks for the trend', () => {
    const { findByTestId, runFunction } = renderCard();
    expect(findByTestId(Heading, 'kam-score-trend-heading').text).toBe('Score trend');
    expect(findByTestId(Button, 'kam-score-trend-load').text).toBe('Show score trend');
    expect(runFunction).not.toHaveBeenCalled();
  });

  test('shows a spinner while the history loads', async () => {
    const deferred = createDeferred<unknown>();
    const runFunction = jest.fn().mockReturnValue(deferred.promise);
    const { findByTestId, waitFor, maybeFindByTestId } = renderCard({ runFunction });
    findByTestId(Button, 'kam-score-trend-load').trigger('onClick');
    await waitFor(() =>
      expect(findByTestId(LoadingSpinner, 'kam-score-trend-loading').props.label).toBe(
        'Loading score history…',
      ),
    );
    deferred.resolve(createScoreHistorySuccess());
    await waitFor(() => expect(maybeFindByTestId(LoadingSpinner, 'kam-score-trend-loading')).toBeNull());
  });

  test.each([
    ['no history', []],
    ['one point', [createScoreHistoryPoint(1, 72.4, 'key')]],
  ])('says there is not enough history yet with %s', async (_label, points) => {
    const { findByTestId, waitFor, maybeFindByTestId } = await openTrend(
      createScoreHistorySuccess({ points }),
    );
    await waitFor(() =>
      expect(findByTestId(Text, 'kam-score-trend-empty').text).toMatch(/^Not enough history yet/),
    );
    expect(maybeFindByTestId(LineChart, 'kam-score-trend')).toBeNull();
  });

  test('draws the score over time and lists the tier changes', async () => {
    const { findByTestId, waitFor, maybeFindByTestId } = await openTrend(createScoreHistorySuccess());
    await waitFor(() => expect(findByTestId(LineChart, 'kam-score-trend')).toBeTruthy());
    const chart = findByTestId(LineChart, 'kam-score-trend');
    expect(chart.props.data).toEqual([
      { at: '2026-03-01T09:30:00.000Z', score: 48 },
      { at: '2026-03-08T09:30:00.000Z', score: 55 },
      { at: '2026-03-15T09:30:00.000Z', score: 63 },
      { at: '2026-03-22T09:30:00.000Z', score: 72.4 },
    ]);
    expect(chart.props.axes).toMatchObject({
      x: { field: 'at', fieldType: 'datetime' },
      y: { field: 'score', fieldType: 'linear', label: 'Key-account score' },
    });
    const rows = findByTestId(Table, 'kam-tier-changes')
      .findAll(TableRow)
      .map((row) => textContent(row));
    expect(rows).toHaveLength(3); // header + two changes
    expect(rows[1]).toContain('Regular → Important');
    expect(rows[2]).toContain('Important → Key');
    expect(maybeFindByTestId(Text, 'kam-score-trend-truncated')).toBeNull();
  });

  test('says when the tier did not change and when older points were left out, in Russian', async () => {
    const points = [createScoreHistoryPoint(1, 70, 'key'), createScoreHistoryPoint(2, 74, 'key')];
    const { findByTestId, waitFor, maybeFindByTestId } = await openTrend(
      createScoreHistorySuccess({ points, truncated: true }),
      { locale: 'ru-RU' },
    );
    await waitFor(() =>
      expect(findByTestId(Text, 'kam-tier-changes-none').text).toBe('За этот период уровень не менялся.'),
    );
    expect(findByTestId(Heading, 'kam-score-trend-heading').text).toBe('Динамика оценки');
    expect(findByTestId(Text, 'kam-score-trend-truncated').text).toBe('Показаны последние оценки (2).');
    expect(maybeFindByTestId(Table, 'kam-tier-changes')).toBeNull();
  });

  test('shows the function’s error with a retry', async () => {
    const runFunction = jest
      .fn()
      .mockResolvedValueOnce(createFunctionFailure())
      .mockResolvedValueOnce(createScoreHistorySuccess());
    const { findByTestId, waitFor } = renderCard({ runFunction });
    findByTestId(Button, 'kam-score-trend-load').trigger('onClick');
    await waitFor(() =>
      expect(textContent(findByTestId(Alert, 'kam-score-trend-error'))).toContain('HTTP 503'),
    );
    expect(findByTestId(Alert, 'kam-score-trend-error').props.title).toBe('Score history unavailable');

    findByTestId(Button, 'kam-score-trend-retry').trigger('onClick');
    await waitFor(() => expect(findByTestId(LineChart, 'kam-score-trend')).toBeTruthy());
    expect(runFunction).toHaveBeenCalledTimes(2);
  });
});
