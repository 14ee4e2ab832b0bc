import {
  Accordion,
  Alert,
  Button,
  ErrorState,
  Input,
  List,
  LoadingButton,
  LoadingSpinner,
  MultiSelect,
  NumberInput,
  Table,
  TableRow,
  Tag,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { DEFAULT_SCORING_MODEL, saveModelParamsSchema, SIGNED_USER_ADMIN_KEY } from '@keystone/shared';
import { MODEL_FIELDS } from '../lib/model-fields';
import {
  LOADED_DEFAULTS,
  createFunctionFailure,
  createLoadedModel,
  createLoadedWithHistory,
  createModelVersion,
  createPreviewSuccess,
  createSavedResult,
} from '../test-utils/fixtures';
import { textContent, runnerFor } from '@keystone/shared/test-utils';
import { ModelSettings } from './ModelSettings';

/** Fires an input's onChange with a value (HubSpot's `trigger` types the argument as the handler itself). */
function change(node: { trigger: (event: 'onChange', value?: never) => void }, value: unknown): void {
  node.trigger('onChange', value as never);
}

// HubSpot's default of 1 s is tight on a busy CI machine.
const WAIT = { timeoutInMs: 5000 };

type Answer = unknown | ((parameters: Record<string, unknown>) => unknown);

/** A function runner that answers by function uid, recording every call. */
function createRunner(answers: Record<string, Answer>) {
  return jest.fn(async (name: string, options: { parameters?: unknown }) => {
    if (!(name in answers)) throw new Error(`unexpected call to ${name}`);
    const answer = answers[name];
    return typeof answer === 'function' ? (answer as (p: unknown) => unknown)(options.parameters) : answer;
  });
}

async function renderSettings(answers: Record<string, Answer> = {}, locale?: string, askAdminKey = true) {
  const renderer = createRenderer('settings');
  const runFunction = createRunner({ keystone_get_model: LOADED_DEFAULTS, ...answers });
  const context = { ...renderer.mocks.context, user: { ...renderer.mocks.context.user, locale } };
  renderer.render(
    <ModelSettings
      context={context}
      actions={renderer.mocks.actions}
      runFunction={runnerFor(runFunction, undefined)}
      askAdminKey={askAdminKey}
    />,
  );
  const waitFor = (check: () => void) => renderer.waitFor(check, WAIT);
  await waitFor(() => expect(renderer.maybeFindByTestId(LoadingSpinner, 'kam-settings-loading')).toBeNull());
  const alerts = () => renderer.mocks.actions.addAlert.calls.map(([alert]) => alert);
  const callsTo = (name: string) =>
    runFunction.mock.calls.filter(([called]) => called === name).map(([, options]) => options);
  const number = (path: string) => renderer.findByTestId(NumberInput, `kam-field-${path}`);
  return { ...renderer, waitFor, runFunction, alerts, callsTo, number };
}

describe('settings page: loading', () => {
  test('asks the get-model function for the active model and 20 versions', async () => {
    const { callsTo, findByTestId } = await renderSettings();
    expect(callsTo('keystone_get_model')).toEqual([{ parameters: { historyLimit: 20 } }]);
    expect(findByTestId(Text, 'kam-active-version').text).toBe(
      'Active: the shipped defaults (no model saved yet).',
    );
  });

  test('shows an error state with a retry when the model cannot be loaded', async () => {
    let attempts = 0;
    const { findByTestId, waitFor } = await renderSettings({
      keystone_get_model: () =>
        ++attempts === 1 ? createFunctionFailure('auth.unauthorized', 'HTTP 401') : LOADED_DEFAULTS,
    });
    expect(textContent(findByTestId(ErrorState, 'kam-settings-error'))).toContain('HTTP 401');
    findByTestId(Button, 'kam-settings-retry').trigger('onClick');
    await waitFor(() => expect(findByTestId(Text, 'kam-active-version')).toBeTruthy());
  });

  test('says which stored version is active, when and by whom it was saved', async () => {
    const { findByTestId } = await renderSettings({ keystone_get_model: createLoadedWithHistory() });
    expect(findByTestId(Text, 'kam-active-version').text).toMatch(
      /^Active: v2, saved Mar 1, 2026, .+ by admin@example\.com\.$/,
    );
  });

  test('reports stored versions that fail validation with their field paths', async () => {
    const broken = createModelVersion({ versionId: '600', version: 'v7', isValid: false, isActive: true });
    const { findByTestId } = await renderSettings({
      keystone_get_model: createLoadedModel({
        history: [broken],
        problems: [{ versionId: '600', issues: [{ path: 'tiers.key', message: 'must be a number' }] }],
      }),
    });
    expect(textContent(findByTestId(List, 'kam-stored-problem-list'))).toBe('v7: tiers.key');
    expect(findByTestId(Text, 'kam-active-invalid').text).toMatch(/^The active version is one of them/);
  });
});

describe('settings page: editing', () => {
  test('shows every weight and threshold of the model with its meaning', async () => {
    const { findAll, number, findByTestId } = await renderSettings();
    const inputs = [...findAll(NumberInput), ...findAll(Input), ...findAll(MultiSelect)].filter((node) =>
      String(node.props.testId).startsWith('kam-field-'),
    );
    expect(inputs).toHaveLength(MODEL_FIELDS.length);
    expect(number('tiers.hysteresis').props).toMatchObject({
      label: 'Hysteresis (points)',
      value: DEFAULT_SCORING_MODEL.tiers.hysteresis,
      description: expect.stringContaining('does not flap'),
    });
    expect(findByTestId(Input, 'kam-field-version').props.readOnly).toBe(true);
    expect(findByTestId(Accordion, 'kam-section-risk').props.title).toBe('Risk signals (§8)');
  });

  test('validates as you type with the schema’s message at the field, and blocks preview and save', async () => {
    const { number, findByTestId, waitFor } = await renderSettings();
    change(number('tiers.key'), 40);
    await waitFor(() =>
      expect(number('tiers.key').props).toMatchObject({
        error: true,
        validationMessage: 'must be greater than tiers.important (45)',
      }),
    );
    expect(textContent(findByTestId(Alert, 'kam-validation-summary'))).toContain('1 problem');
    expect(findByTestId(LoadingButton, 'kam-preview-button').props.disabled).toBe(true);
    expect(findByTestId(LoadingButton, 'kam-save-button').props.disabled).toBe(true);
  });

  test('names a cleared number as missing', async () => {
    const { number, waitFor } = await renderSettings();
    change(number('risk.lostDealsStreak'), Number.NaN);
    await waitFor(() =>
      expect(number('risk.lostDealsStreak').props.validationMessage).toBe('must be a number'),
    );
  });

  test('lists rules across fields apart from the fields', async () => {
    const { number, findByTestId, waitFor } = await renderSettings();
    for (const factor of Object.keys(DEFAULT_SCORING_MODEL.weights.strength)) {
      change(number(`weights.strength.${factor}`), 0);
    }
    await waitFor(() =>
      expect(textContent(findByTestId(List, 'kam-cross-field-issues'))).toBe(
        'weights.strength: at least one factor needs a weight above 0',
      ),
    );
  });

  test('edits the pipelines as a comma-separated list', async () => {
    const { findByTestId, waitFor } = await renderSettings();
    change(findByTestId(Input, 'kam-field-pipelines'), 'default, enterprise,');
    await waitFor(() =>
      expect(findByTestId(Input, 'kam-field-pipelines').props.value).toBe('default, enterprise,'),
    );
  });

  test('marks unsaved changes and discards them', async () => {
    const { number, findByTestId, maybeFindByTestId, waitFor } = await renderSettings();
    expect(maybeFindByTestId(Tag, 'kam-unsaved')).toBeNull();
    change(number('tiers.key'), 80);
    await waitFor(() => expect(findByTestId(Tag, 'kam-unsaved')).toBeTruthy());
    findByTestId(Button, 'kam-discard').trigger('onClick');
    await waitFor(() => expect(number('tiers.key').props.value).toBe(DEFAULT_SCORING_MODEL.tiers.key));
    expect(maybeFindByTestId(Tag, 'kam-unsaved')).toBeNull();
  });

  test('speaks Russian to a Russian-locale admin', async () => {
    const { number, findByTestId } = await renderSettings({}, 'ru-RU');
    expect(number('tiers.hysteresis').props.label).toBe('Гистерезис (баллы)');
    expect(findByTestId(LoadingButton, 'kam-save-button').text).toBe('Сохранить');
  });
});

describe('settings page: preview', () => {
  /** The page after a preview of an edited draft answered with `answer`. */
  async function previewed(answer: Answer, locale?: string) {
    const rendered = await renderSettings({ keystone_preview_model: answer }, locale);
    change(rendered.number('tiers.key'), 80);
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(LoadingButton, 'kam-preview-button').props.disabled).toBe(false),
    );
    rendered.findByTestId(LoadingButton, 'kam-preview-button').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.findByTestId(Table, 'kam-backtest')).toBeTruthy());
    return rendered;
  }

  test('sends the draft to the preview function and shows how many companies would change', async () => {
    const { number, findByTestId, callsTo, waitFor } = await renderSettings({
      keystone_preview_model: createPreviewSuccess(),
    });
    change(number('tiers.key'), 80);
    await waitFor(() => expect(findByTestId(LoadingButton, 'kam-preview-button').props.disabled).toBe(false));
    findByTestId(LoadingButton, 'kam-preview-button').trigger('onClick');

    await waitFor(() =>
      expect(findByTestId(Text, 'kam-preview-summary').text).toBe(
        '180 of 200 companies compared: 12 would change tier, 3 would change quadrant.',
      ),
    );
    expect(callsTo('keystone_preview_model')).toEqual([
      {
        parameters: {
          model: { ...DEFAULT_SCORING_MODEL, tiers: { ...DEFAULT_SCORING_MODEL.tiers, key: 80 } },
          sampleSize: 200,
        },
      },
    ]);
    expect(findByTestId(Table, 'kam-preview-tiers').findAll(TableRow).map(textContent)).toEqual([
      'From To Companies',
      'key important 9',
      'important key 3',
    ]);
    expect(findByTestId(Text, 'kam-preview-truncated')).toBeTruthy();
  });

  test('shows the backtest of both models on the sample, labelled as a sample estimate', async () => {
    const { findByTestId } = await previewed(createPreviewSuccess());
    expect(findByTestId(Text, 'kam-backtest-sample').text).toBe(
      'Sample estimate on 190 companies of the sample: scored as they stood on 2025-03-01 and judged by the following 12 months. AUC 0.5 is chance, 1 is perfect.',
    );
    expect(findByTestId(Table, 'kam-backtest').findAll(TableRow).map(textContent)).toEqual([
      'Model Decline AUC (risk level) Revenue-only baseline AUC Key tier’s share of next period’s revenue',
      'Active (v1) 0.57 0.41 39%',
      'Draft (draft) 0.63 0.41 42%',
    ]);
  });

  test('says the sample has too few decliners instead of an AUC', async () => {
    const fixture = createPreviewSuccess() as Extract<ReturnType<typeof createPreviewSuccess>, { ok: true }>;
    const backtest = {
      ...fixture.backtest,
      declined: 2,
      enoughDecliners: false,
      revenueBaselineDeclineAuc: null,
      active: { ...fixture.backtest.active, declineAuc: null },
      draft: { ...fixture.backtest.draft, declineAuc: null },
    };
    const { findByTestId } = await previewed(createPreviewSuccess({ backtest }));
    expect(findByTestId(Text, 'kam-backtest-too-few').text).toBe(
      'Only 2 companies of the sample declined: too few for a decline AUC.',
    );
    expect(findByTestId(Table, 'kam-backtest').findAll(TableRow).map(textContent).slice(1)).toEqual([
      'Active (v1) — — 39%',
      'Draft (draft) — — 42%',
    ]);
  });

  test('shows the backtest in Russian to a Russian-locale admin', async () => {
    const { findByTestId } = await previewed(createPreviewSuccess(), 'ru-RU');
    expect(findByTestId(Text, 'kam-backtest-sample').text).toContain('Оценка по выборке из 190 компаний');
    expect(findByTestId(Table, 'kam-backtest').findAll(TableRow).map(textContent)[1]).toBe(
      'Действующая (v1) 0.57 0.41 39%',
    );
  });

  test('shows why a preview failed', async () => {
    const { findByTestId, waitFor } = await renderSettings({
      keystone_preview_model: createFunctionFailure('hubspot.rate_limited', 'search: 429 SECONDLY'),
    });
    findByTestId(LoadingButton, 'kam-preview-button').trigger('onClick');
    await waitFor(() => expect(findByTestId(Alert, 'kam-preview-error').text).toBe('search: 429 SECONDLY'));
  });

  test('forgets a preview once the draft changes', async () => {
    const { number, findByTestId, maybeFindByTestId, waitFor } = await renderSettings({
      keystone_preview_model: createPreviewSuccess(),
    });
    findByTestId(LoadingButton, 'kam-preview-button').trigger('onClick');
    await waitFor(() => expect(findByTestId(Text, 'kam-preview-summary')).toBeTruthy());
    change(number('tiers.key'), 71);
    await waitFor(() => expect(maybeFindByTestId(Text, 'kam-preview-summary')).toBeNull());
  });
});

describe('settings page: load a draft file (issue #17)', () => {
  const calibration = {
    method: 'monotone-logistic-l2',
    fittedAt: '2026-06-30T00:00:00.000Z',
    asOfDates: ['2024-06-30', '2024-09-30'],
    horizonMonths: 12,
    declineShare: 0.5,
    examples: 900,
    declines: 210,
    penalty: 5,
    crossValidatedAuc: 0.74,
    brierScore: 0.16,
    levels: {
      none: { accounts: 500, declined: 60 },
      watch: { accounts: 250, declined: 80 },
      at_risk: { accounts: 100, declined: 45 },
      critical: { accounts: 50, declined: 25 },
    },
  };
  const calibrated = {
    ...DEFAULT_SCORING_MODEL,
    version: 'keystone-default-1-calibrated-2026-06-30',
    riskScore: {
      ...DEFAULT_SCORING_MODEL.riskScore,
      signals: {
        ...DEFAULT_SCORING_MODEL.riskScore.signals,
        blockers: { ...DEFAULT_SCORING_MODEL.riskScore.signals.blockers, weight: 1.5 },
      },
      calibration,
    },
  };

  test('a pasted calibrate draft becomes the draft, calibration kept, and is saved like any other', async () => {
    const rendered = await renderSettings({ keystone_save_model: createSavedResult() });
    change(rendered.findByTestId(TextArea, 'kam-load-draft-json'), JSON.stringify(calibrated));
    rendered.findByTestId(Button, 'kam-load-draft-button').trigger('onClick');
    await rendered.waitFor(() =>
      expect(rendered.number('riskScore.signals.blockers.weight').props.value).toBe(1.5),
    );
    change(rendered.findByTestId(Input, 'kam-admin-key'), 'correct horse battery staple');
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(LoadingButton, 'kam-save-button').props.disabled).toBe(false),
    );
    rendered.findByTestId(LoadingButton, 'kam-save-button').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.callsTo('keystone_save_model')).toHaveLength(1));
    const saved = (rendered.callsTo('keystone_save_model')[0] as { parameters: { model: typeof calibrated } })
      .parameters.model;
    // the version label stays the draft's: the store names the saved version
    expect(saved).toEqual({ ...calibrated, version: DEFAULT_SCORING_MODEL.version });
  });

  test('says so when the pasted text is not a model object, and keeps the draft', async () => {
    const rendered = await renderSettings();
    change(rendered.findByTestId(TextArea, 'kam-load-draft-json'), '[1, 2');
    rendered.findByTestId(Button, 'kam-load-draft-button').trigger('onClick');
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(TextArea, 'kam-load-draft-json').props.validationMessage).toBe(
        'This is not a JSON object: paste the whole model file.',
      ),
    );
    expect(rendered.number('tiers.key').props.value).toBe(DEFAULT_SCORING_MODEL.tiers.key);
  });
});

describe('settings page: save', () => {
  async function editAndSave(answers: Record<string, Answer>, adminKey = 'correct horse battery staple') {
    const rendered = await renderSettings(answers);
    change(rendered.number('tiers.key'), 80);
    change(rendered.findByTestId(Input, 'kam-admin-key'), adminKey);
    change(rendered.findByTestId(TextArea, 'kam-save-note'), 'stricter key tier');
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(LoadingButton, 'kam-save-button').props.disabled).toBe(false),
    );
    rendered.findByTestId(LoadingButton, 'kam-save-button').trigger('onClick');
    return rendered;
  }

  test('sends the draft, the note, the admin key and the acting user, then confirms and reloads', async () => {
    const { callsTo, alerts, waitFor } = await editAndSave({ keystone_save_model: createSavedResult() });
    await waitFor(() => expect(callsTo('keystone_get_model')).toHaveLength(2));
    expect(callsTo('keystone_save_model')).toEqual([
      {
        parameters: {
          model: { ...DEFAULT_SCORING_MODEL, tiers: { ...DEFAULT_SCORING_MODEL.tiers, key: 80 } },
          note: 'stricter key tier',
          adminKey: 'correct horse battery staple',
          actingUser: { userId: '1', email: 'fake_email@example.com' },
        },
      },
    ]);
    expect(alerts()).toEqual([
      { type: 'success', title: 'Scoring model saved', message: 'v3 is now the active model.' },
    ]);
  });

  test('asks for the admin key instead of calling the function without it', async () => {
    const { findByTestId, callsTo, waitFor } = await editAndSave(
      { keystone_save_model: createSavedResult() },
      '',
    );
    await waitFor(() =>
      expect(findByTestId(Input, 'kam-admin-key').props.validationMessage).toBe(
        'Enter the admin key to save or roll back.',
      ),
    );
    expect(callsTo('keystone_save_model')).toEqual([]);
  });

  test('shows a refused admin key at the key field and in an alert', async () => {
    const refusal = createFunctionFailure('auth.forbidden', 'the Keystone admin key is not correct');
    const { findByTestId, alerts, waitFor, callsTo } = await editAndSave({ keystone_save_model: refusal });
    await waitFor(() =>
      expect(findByTestId(Input, 'kam-admin-key').props).toMatchObject({
        error: true,
        validationMessage: 'the Keystone admin key is not correct',
      }),
    );
    expect(alerts()).toEqual([
      { type: 'danger', title: 'Not saved', message: 'the Keystone admin key is not correct' },
    ]);
    expect(callsTo('keystone_get_model')).toHaveLength(1);
  });

  test('shows the function’s validation issues at their fields', async () => {
    const refusal = createFunctionFailure('input.invalid', 'the model fails validation', [
      { path: 'homeCurrency', message: 'must be a three-letter ISO 4217 code in capitals, e.g. EUR' },
    ]);
    const { findByTestId, waitFor } = await editAndSave({ keystone_save_model: refusal });
    await waitFor(() =>
      expect(findByTestId(Input, 'kam-field-homeCurrency').props.validationMessage).toBe(
        'must be a three-letter ISO 4217 code in capitals, e.g. EUR',
      ),
    );
  });
});

describe('settings page: versions and rollback', () => {
  test('lists the versions newest first, with rollback only for older valid ones', async () => {
    const { findByTestId, maybeFindByTestId } = await renderSettings({
      keystone_get_model: createLoadedWithHistory(),
    });
    const rows = findByTestId(Table, 'kam-history-table').findAll(TableRow).map(textContent);
    expect(rows[1]).toMatch(/^v2 Mar 1, 2026, .+ admin@example\.com stricter key tier Active$/);
    expect(rows[2]).toMatch(/^v1 .+ first tuning Roll back$/);
    expect(maybeFindByTestId(Button, 'kam-rollback-502')).toBeNull();
  });

  test('rolls back with the admin key, then confirms and reloads', async () => {
    const { findByTestId, callsTo, alerts, waitFor } = await renderSettings({
      keystone_get_model: createLoadedWithHistory(),
      keystone_rollback_model: createSavedResult({ note: 'Rollback to v1' }),
    });
    change(findByTestId(Input, 'kam-admin-key'), 'correct horse battery staple');
    await waitFor(() =>
      expect(findByTestId(Input, 'kam-admin-key').props.value).toBe('correct horse battery staple'),
    );
    findByTestId(Button, 'kam-rollback-501').trigger('onClick');

    await waitFor(() => expect(callsTo('keystone_get_model')).toHaveLength(2));
    expect(callsTo('keystone_rollback_model')).toEqual([
      {
        parameters: {
          versionId: '501',
          adminKey: 'correct horse battery staple',
          actingUser: { userId: '1', email: 'fake_email@example.com' },
        },
      },
    ]);
    expect(alerts()).toEqual([
      { type: 'success', title: 'Rolled back', message: 'v1 is active again as v3.' },
    ]);
  });

  test('says nothing was saved yet when there is no history', async () => {
    const { findByTestId } = await renderSettings();
    expect(findByTestId(Text, 'kam-history-empty').text).toBe(
      'No version saved yet: the shipped defaults apply.',
    );
  });
});

describe('settings page over kam serve (the signed HubSpot user decides)', () => {
  test('saving asks for no admin key and sends one the contract accepts', async () => {
    const rendered = await renderSettings({ keystone_save_model: createSavedResult() }, undefined, false);
    expect(rendered.maybeFindByTestId(Input, 'kam-admin-key')).toBeNull();
    change(rendered.number('tiers.key'), 80);
    change(rendered.findByTestId(TextArea, 'kam-save-note'), 'stricter key tier');
    await rendered.waitFor(() =>
      expect(rendered.findByTestId(LoadingButton, 'kam-save-button').props.disabled).toBe(false),
    );
    rendered.findByTestId(LoadingButton, 'kam-save-button').trigger('onClick');
    await rendered.waitFor(() => expect(rendered.callsTo('keystone_get_model')).toHaveLength(2));
    const [saved] = rendered.callsTo('keystone_save_model') as [{ parameters: Record<string, unknown> }];
    expect(saved.parameters).toMatchObject({
      note: 'stricter key tier',
      adminKey: SIGNED_USER_ADMIN_KEY,
      actingUser: { userId: '1', email: 'fake_email@example.com' },
    });
    expect(saveModelParamsSchema.safeParse(saved.parameters).success).toBe(true);
    expect(rendered.alerts()).toEqual([
      { type: 'success', title: 'Scoring model saved', message: 'v3 is now the active model.' },
    ]);
  });

  test('rolling back asks for no admin key either', async () => {
    const { findByTestId, maybeFindByTestId, callsTo, waitFor } = await renderSettings(
      {
        keystone_get_model: createLoadedWithHistory(),
        keystone_rollback_model: createSavedResult({ note: 'Rollback to v1' }),
      },
      undefined,
      false,
    );
    expect(maybeFindByTestId(Input, 'kam-admin-key')).toBeNull();
    findByTestId(Button, 'kam-rollback-501').trigger('onClick');
    await waitFor(() => expect(callsTo('keystone_get_model')).toHaveLength(2));
    expect(callsTo('keystone_rollback_model')).toEqual([
      {
        parameters: {
          versionId: '501',
          adminKey: SIGNED_USER_ADMIN_KEY,
          actingUser: { userId: '1', email: 'fake_email@example.com' },
        },
      },
    ]);
  });
});
