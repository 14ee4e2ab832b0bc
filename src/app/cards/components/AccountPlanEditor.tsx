import {
  Alert,
  Button,
  DateInput,
  Flex,
  Heading,
  Input,
  List,
  LoadingButton,
  NumberInput,
  Select,
  Text,
  TextArea,
  Tile,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import {
  type AccountPlan,
  EFFORT_LEVELS,
  type EffortLevel,
  KAISM_QUADRANTS,
  type KaismQuadrant,
  OPPORTUNITY_KINDS,
  type OpportunityKind,
  PLAN_GOAL_METRICS,
  PLAN_LIMITS,
  type PlanGoalMetric,
  TIERS,
  type Tier,
  type UiLanguage,
} from '@keystone/shared';
import type { SaveState } from '../hooks/use-account-plan';
import type { CardMessages } from '../lib/messages';
import { fieldLabel, type PlanMessages } from '../lib/plan-messages';
import {
  calendarOf,
  checkDraft,
  dayFromCalendar,
  newGoal,
  newOpportunity,
  type GoalDraft,
  type OpportunityDraft,
  type PlanDraft,
  type PlanFieldIssue,
} from '../lib/plan-view';

type Texts = { plan: PlanMessages; card: CardMessages; language: UiLanguage };

export type AccountPlanEditorProps = {
  initial: PlanDraft;
  /** The version opened (null for a first plan): the save is refused when another came in between. */
  baseVersionId: string | null;
  saveState: SaveState;
  onSave: (request: { plan: AccountPlan; baseVersionId: string | null; note: string }) => Promise<void>;
  onCancel: () => void;
  onReload: () => void;
  texts: Texts;
  today: string;
};

const NO_METRIC = '';
const AMOUNT_METRICS = ['won_revenue_12m', 'purchases_12m', 'buying_centre_coverage'] as const;
type AmountMetric = (typeof AMOUNT_METRICS)[number];
const isAmountMetric = (metric: PlanGoalMetric | ''): metric is AmountMetric =>
  (AMOUNT_METRICS as readonly string[]).includes(metric);

/** The save function answers field paths of its params (`plan.goals.0.title`); the form knows them without `plan.`. */
const formPath = (path: string) => path.replace(/^plan\./, '');

/**
 * Every field of the plan, goals and opportunities added and removed in place, checked with
 * `accountPlanSchema` before the call; each field shows its own message, and the save function's
 * answer (saved, refused as a conflict, failed) shows above the buttons.
 */
export const AccountPlanEditor = ({
  initial,
  baseVersionId,
  saveState,
  onSave,
  onCancel,
  onReload,
  texts,
  today,
}: AccountPlanEditorProps) => {
  const { plan: m, card } = texts;
  const [draft, setDraft] = useState<PlanDraft>(initial);
  const [note, setNote] = useState('');
  const [issues, setIssues] = useState<PlanFieldIssue[]>([]);

  const serverIssues: PlanFieldIssue[] =
    saveState.status === 'failed'
      ? (saveState.error.issues ?? []).map((issue) => ({
          path: formPath(issue.path),
          code: 'server',
          message: issue.message,
        }))
      : [];
  const allIssues = [...issues, ...serverIssues];
  const messageAt = (path: string): string | undefined => {
    const found = allIssues.find((issue) => issue.path === path);
    return found ? m.issue(found) : undefined;
  };
  const field = (path: string) => {
    const message = messageAt(path);
    return { error: message !== undefined, validationMessage: message };
  };

  const update = (change: (current: PlanDraft) => PlanDraft) => setDraft((current) => change(current));
  const updateGoal = (index: number, change: Partial<GoalDraft>) =>
    update((current) => ({
      ...current,
      goals: current.goals.map((goal, at) => (at === index ? { ...goal, ...change } : goal)),
    }));
  const updateOpportunity = (index: number, change: Partial<OpportunityDraft>) =>
    update((current) => ({
      ...current,
      opportunities: current.opportunities.map((item, at) => (at === index ? { ...item, ...change } : item)),
    }));
  const updateEffort = (index: number, change: Partial<OpportunityDraft['effort']>) =>
    update((current) => ({
      ...current,
      opportunities: current.opportunities.map((item, at) =>
        at === index ? { ...item, effort: { ...item.effort, ...change } } : item,
      ),
    }));

  const submit = async () => {
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    await onSave({ plan: checked.plan, baseVersionId, note });
  };

  const dateInput = (
    testId: string,
    path: string,
    label: string,
    value: string,
    onDay: (day: string) => void,
  ) => (
    <DateInput
      testId={testId}
      name={path}
      label={label}
      required
      format="medium"
      value={calendarOf(value)}
      {...field(path)}
      onChange={(picked) => onDay(dayFromCalendar(picked))}
    />
  );
  const textArea = (
    testId: string,
    path: string,
    label: string,
    value: string,
    onText: (text: string) => void,
  ) => (
    <TextArea
      testId={testId}
      name={path}
      label={label}
      maxLength={PLAN_LIMITS.textChars}
      value={value}
      {...field(path)}
      onChange={(text: string) => onText(text)}
    />
  );
  const levelOptions = EFFORT_LEVELS.map((value) => ({ value, label: m.levelLabels[value] }));
  const isSaving = saveState.status === 'saving';
  const isConflict = saveState.status === 'failed' && saveState.error.code === 'plan.conflict';

  return (
    <Tile testId="kam-plan-editor" compact>
      <Flex direction="column" gap="sm">
        <Heading>{m.editorTitle}</Heading>
        <Input
          testId="kam-plan-owner-input"
          name="ownerUserId"
          label={m.ownerLabel}
          description={m.ownerDescription}
          value={draft.ownerUserId}
          {...field('ownerUserId')}
          onChange={(value: string) => update((current) => ({ ...current, ownerUserId: value.trim() }))}
        />
        {textArea('kam-plan-client-goals-input', 'clientGoals', m.clientGoals, draft.clientGoals, (text) =>
          update((current) => ({ ...current, clientGoals: text })),
        )}

        <Text format={{ fontWeight: 'demibold' }}>{m.goals}</Text>
        {messageAt('goals') && <Text testId="kam-plan-goals-issue">{messageAt('goals')}</Text>}
        {draft.goals.map((goal, index) => {
          const at = `goals.${index}`;
          return (
            <Tile key={goal.id} compact testId={`kam-plan-goal-editor-${index}`}>
              <Flex direction="column" gap="xs">
                <Text format={{ fontWeight: 'demibold' }}>{m.goalNumber(index + 1)}</Text>
                <Input
                  testId={`kam-plan-goal-${index}-title`}
                  name={`${at}.title`}
                  label={m.goalTitle}
                  required
                  value={goal.title}
                  {...field(`${at}.title`)}
                  onChange={(value: string) => updateGoal(index, { title: value })}
                />
                {textArea(
                  `kam-plan-goal-${index}-client-goal`,
                  `${at}.clientGoal`,
                  m.goalClientGoal,
                  goal.clientGoal,
                  (text) => updateGoal(index, { clientGoal: text }),
                )}
                <Flex direction="row" gap="sm" wrap>
                  {dateInput(`kam-plan-goal-${index}-set-on`, `${at}.setOn`, m.goalSetOn, goal.setOn, (day) =>
                    updateGoal(index, { setOn: day }),
                  )}
                  {dateInput(
                    `kam-plan-goal-${index}-deadline`,
                    `${at}.deadline`,
                    m.goalDeadline,
                    goal.deadline,
                    (day) => updateGoal(index, { deadline: day }),
                  )}
                </Flex>
                <Select
                  testId={`kam-plan-goal-${index}-metric`}
                  name={`${at}.metric`}
                  label={m.goalMetric}
                  value={goal.metric}
                  options={[
                    { value: NO_METRIC, label: m.noTarget },
                    ...PLAN_GOAL_METRICS.map((value) => ({ value, label: m.metricLabels[value] })),
                  ]}
                  onChange={(value) =>
                    updateGoal(index, { metric: value === NO_METRIC ? '' : (value as PlanGoalMetric) })
                  }
                />
                {isAmountMetric(goal.metric) && (
                  <NumberInput
                    testId={`kam-plan-goal-${index}-amount`}
                    name={`${at}.target.atLeast`}
                    label={m.targetValue[goal.metric]}
                    required
                    min={0}
                    value={goal.amount ?? undefined}
                    {...field(`${at}.target.atLeast`)}
                    onChange={(value: number) =>
                      updateGoal(index, { amount: Number.isFinite(value) ? value : null })
                    }
                  />
                )}
                {goal.metric === 'kaism_quadrant' && (
                  <Select
                    testId={`kam-plan-goal-${index}-quadrant`}
                    name={`${at}.target.equals`}
                    label={m.targetQuadrant}
                    value={goal.quadrant}
                    options={KAISM_QUADRANTS.map((value) => ({ value, label: card.quadrantLabels[value] }))}
                    onChange={(value) => updateGoal(index, { quadrant: value as KaismQuadrant })}
                  />
                )}
                {goal.metric === 'tier' && (
                  <Select
                    testId={`kam-plan-goal-${index}-tier`}
                    name={`${at}.target.atLeast`}
                    label={m.targetTier}
                    value={goal.tier}
                    options={TIERS.map((value) => ({ value, label: card.tierLabels[value] }))}
                    onChange={(value) => updateGoal(index, { tier: value as Tier })}
                  />
                )}
                <Flex direction="row">
                  <Button
                    testId={`kam-plan-goal-${index}-remove`}
                    variant="destructive"
                    size="sm"
                    onClick={() =>
                      update((current) => ({
                        ...current,
                        goals: current.goals.filter((_, at) => at !== index),
                      }))
                    }
                  >
                    {m.removeGoal}
                  </Button>
                </Flex>
              </Flex>
            </Tile>
          );
        })}
        <Flex direction="row" gap="xs" align="center">
          <Button
            testId="kam-plan-add-goal"
            variant="secondary"
            size="sm"
            disabled={draft.goals.length >= PLAN_LIMITS.goals}
            onClick={() =>
              update((current) => ({ ...current, goals: [...current.goals, newGoal(current.goals, today)] }))
            }
          >
            {m.addGoal}
          </Button>
          {draft.goals.length >= PLAN_LIMITS.goals && (
            <Text variant="microcopy">{m.limitReached(PLAN_LIMITS.goals)}</Text>
          )}
        </Flex>

        <Text format={{ fontWeight: 'demibold' }}>{m.strategy}</Text>
        {(['product', 'price', 'promotion', 'place'] as const).map((key) => (
          <Flex key={key} direction="column">
            {textArea(
              `kam-plan-strategy-${key}`,
              `strategy.${key}`,
              m.strategyLabels[key],
              draft.strategy[key],
              (text) => update((current) => ({ ...current, strategy: { ...current.strategy, [key]: text } })),
            )}
          </Flex>
        ))}
        {textArea('kam-plan-resources-input', 'resources', m.resources, draft.resources, (text) =>
          update((current) => ({ ...current, resources: text })),
        )}
        {textArea('kam-plan-tactics-input', 'tactics', m.tactics, draft.tactics, (text) =>
          update((current) => ({ ...current, tactics: text })),
        )}

        <Text format={{ fontWeight: 'demibold' }}>{m.opportunities}</Text>
        {messageAt('opportunities') && (
          <Text testId="kam-plan-opportunities-issue">{messageAt('opportunities')}</Text>
        )}
        {draft.opportunities.map((opportunity, index) => {
          const at = `opportunities.${index}`;
          return (
            <Tile key={opportunity.id} compact testId={`kam-plan-opportunity-editor-${index}`}>
              <Flex direction="column" gap="xs">
                <Text format={{ fontWeight: 'demibold' }}>{m.opportunityNumber(index + 1)}</Text>
                <Input
                  testId={`kam-plan-opp-${index}-title`}
                  name={`${at}.title`}
                  label={m.opportunityTitle}
                  required
                  value={opportunity.title}
                  {...field(`${at}.title`)}
                  onChange={(value: string) => updateOpportunity(index, { title: value })}
                />
                <Select
                  testId={`kam-plan-opp-${index}-kind`}
                  name={`${at}.kind`}
                  label={m.opportunityKind}
                  value={opportunity.kind}
                  options={OPPORTUNITY_KINDS.map((value) => ({ value, label: m.kindLabels[value] }))}
                  onChange={(value) => updateOpportunity(index, { kind: value as OpportunityKind })}
                />
                <Flex direction="row" gap="sm" wrap>
                  {(['time', 'money', 'people'] as const).map((key) => (
                    <Select
                      key={key}
                      testId={`kam-plan-opp-${index}-${key}`}
                      name={`${at}.effort.${key}`}
                      label={key === 'time' ? m.effortTime : key === 'money' ? m.effortMoney : m.effortPeople}
                      value={opportunity.effort[key]}
                      options={levelOptions}
                      onChange={(value) => updateEffort(index, { [key]: value as EffortLevel })}
                    />
                  ))}
                  <Select
                    testId={`kam-plan-opp-${index}-payoff`}
                    name={`${at}.payoff`}
                    label={m.payoff}
                    value={opportunity.payoff}
                    options={levelOptions}
                    onChange={(value) => updateOpportunity(index, { payoff: value as EffortLevel })}
                  />
                </Flex>
                {textArea(`kam-plan-opp-${index}-notes`, `${at}.notes`, m.notes, opportunity.notes, (text) =>
                  updateOpportunity(index, { notes: text }),
                )}
                <Flex direction="row">
                  <Button
                    testId={`kam-plan-opp-${index}-remove`}
                    variant="destructive"
                    size="sm"
                    onClick={() =>
                      update((current) => ({
                        ...current,
                        opportunities: current.opportunities.filter((_, at) => at !== index),
                      }))
                    }
                  >
                    {m.removeOpportunity}
                  </Button>
                </Flex>
              </Flex>
            </Tile>
          );
        })}
        <Flex direction="row" gap="xs" align="center">
          <Button
            testId="kam-plan-add-opportunity"
            variant="secondary"
            size="sm"
            disabled={draft.opportunities.length >= PLAN_LIMITS.opportunities}
            onClick={() =>
              update((current) => ({
                ...current,
                opportunities: [...current.opportunities, newOpportunity(current.opportunities)],
              }))
            }
          >
            {m.addOpportunity}
          </Button>
          {draft.opportunities.length >= PLAN_LIMITS.opportunities && (
            <Text variant="microcopy">{m.limitReached(PLAN_LIMITS.opportunities)}</Text>
          )}
        </Flex>

        <Flex direction="row" gap="sm" wrap>
          {dateInput(
            'kam-plan-last-reviewed-input',
            'lastReviewedOn',
            m.lastReviewed,
            draft.lastReviewedOn,
            (day) => update((current) => ({ ...current, lastReviewedOn: day })),
          )}
          {dateInput(
            'kam-plan-next-review-input',
            'nextReviewOn',
            m.nextReviewLabel,
            draft.nextReviewOn,
            (day) => update((current) => ({ ...current, nextReviewOn: day })),
          )}
        </Flex>
        <Input
          testId="kam-plan-note"
          name="note"
          label={m.noteLabel}
          description={m.noteDescription}
          value={note}
          {...field('note')}
          onChange={(value: string) => setNote(value)}
        />

        {allIssues.length > 0 && (
          <Alert testId="kam-plan-issues" variant="warning" title={m.checkFieldsTitle}>
            <List variant="unordered">
              {allIssues.map((issue, index) => (
                <Text key={index}>
                  {issue.path ? `${fieldLabel(issue.path, m)}: ${m.issue(issue)}` : m.issue(issue)}
                </Text>
              ))}
            </List>
          </Alert>
        )}
        {saveState.status === 'failed' && (
          <Alert
            testId={isConflict ? 'kam-plan-conflict' : 'kam-plan-save-error'}
            variant="danger"
            title={m.saveFailedTitle}
          >
            <Flex direction="column" gap="xs">
              <Text>{saveState.error.message}</Text>
              {isConflict && (
                <Button testId="kam-plan-reload" size="sm" onClick={onReload}>
                  {m.reload}
                </Button>
              )}
            </Flex>
          </Alert>
        )}
        {isSaving && (
          <Text testId="kam-plan-saving" variant="microcopy">
            {m.saving}
          </Text>
        )}
        <Flex direction="row" gap="xs">
          <LoadingButton testId="kam-plan-save" loading={isSaving} onClick={() => void submit()}>
            {m.save}
          </LoadingButton>
          <Button testId="kam-plan-cancel" variant="secondary" disabled={isSaving} onClick={onCancel}>
            {m.cancel}
          </Button>
        </Flex>
      </Flex>
    </Tile>
  );
};
