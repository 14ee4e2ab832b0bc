import {
  Alert,
  Button,
  DescriptionList,
  DescriptionListItem,
  Flex,
  Heading,
  List,
  LoadingButton,
  LoadingSpinner,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  type AddAlertAction,
} from '@hubspot/ui-extensions';
import { useState, type ReactNode } from 'react';
import {
  type AccountPlan,
  type ActingUser,
  formatDateTime,
  type FunctionRunner,
  type PlanAssessment,
  type PlanGoal,
  type PlanGoalProgress,
  type PlanGoalStatus,
  type PlanStatus,
  type StoredPlan,
  type UiLanguage,
} from '@keystone/shared';
import { useAccountPlan, type AccountPlanLoaded } from '../hooks/use-account-plan';
import { formatNumber, formatShare } from '../lib/format';
import { messagesFor, type CardMessages } from '../lib/messages';
import { fieldLabel, planMessagesFor, type PlanMessages } from '../lib/plan-messages';
import {
  dayOf,
  draftFromContent,
  draftOf,
  emptyDraft,
  markedReviewed,
  rankOpportunities,
  type PlanSummary,
} from '../lib/plan-view';
import { AccountPlanEditor } from './AccountPlanEditor';

type Variant = 'danger' | 'warning' | 'info' | 'success' | 'default';

const STATUS_VARIANTS: Record<PlanStatus, Variant> = {
  none: 'default',
  current: 'success',
  review_due: 'warning',
  overdue: 'danger',
};
const GOAL_VARIANTS: Record<PlanGoalStatus, Variant> = {
  achieved: 'success',
  on_track: 'info',
  behind: 'warning',
  missed: 'danger',
  not_measured: 'default',
};

/** A plan day (`YYYY-MM-DD`) in the user's language; it is a calendar day, so read in UTC. */
export function formatPlanDay(day: string, language: UiLanguage): string {
  const ms = Date.parse(day);
  if (Number.isNaN(ms)) return day;
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-US', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(ms));
}

type Texts = { plan: PlanMessages; card: CardMessages; language: UiLanguage };

/** "won revenue ≥ 400,000 by Jun 30, 2027" */
export function goalTargetText(goal: PlanGoal, { plan, card, language }: Texts): string {
  const { target } = goal;
  const deadline = formatPlanDay(goal.deadline, language);
  if (!target) return plan.byDeadline(plan.inWords, deadline);
  const texts = plan.targetTexts;
  const what =
    target.metric === 'won_revenue_12m'
      ? texts.won_revenue_12m(formatNumber(target.atLeast, language))
      : target.metric === 'purchases_12m'
        ? texts.purchases_12m(formatNumber(target.atLeast, language))
        : target.metric === 'buying_centre_coverage'
          ? texts.buying_centre_coverage(formatShare(target.atLeast, language))
          : target.metric === 'kaism_quadrant'
            ? texts.kaism_quadrant(card.quadrantLabels[target.equals])
            : texts.tier(card.tierLabels[target.atLeast]);
  return plan.byDeadline(what, deadline);
}

function actualText(progress: PlanGoalProgress, { card, language }: Texts): string | null {
  const { actual, metric } = progress;
  if (actual === null) return null;
  if (typeof actual === 'number') {
    return metric === 'buying_centre_coverage'
      ? formatShare(actual, language)
      : formatNumber(actual, language);
  }
  if (metric === 'kaism_quadrant' && actual in card.quadrantLabels)
    return card.quadrantLabels[actual as keyof CardMessages['quadrantLabels']];
  if (metric === 'tier' && actual in card.tierLabels)
    return card.tierLabels[actual as keyof CardMessages['tierLabels']];
  return actual;
}

/** The goal's line: target, deadline and, once measured, how far along it is and where it stands. */
export function goalProgressText(
  goal: PlanGoal,
  progress: PlanGoalProgress | undefined,
  texts: Texts,
): string {
  const parts = [goalTargetText(goal, texts)];
  if (progress?.share !== null && progress?.share !== undefined)
    parts[0] = `${parts[0]}: ${texts.plan.there(formatShare(progress.share, texts.language))}`;
  const actual = progress ? actualText(progress, texts) : null;
  if (actual !== null) parts.push(`(${texts.plan.now(actual)})`);
  return parts.join(' ');
}

type PlanSummaryLineProps = { summary: PlanSummary; texts: Texts };

/** Status, next review and progress from the kam_plan_* properties: no function call. */
const PlanSummaryLine = ({ summary, texts }: PlanSummaryLineProps) => {
  const { plan, language } = texts;
  if (summary.status === null) return null;
  const measurable = summary.assessment?.measurableGoals ?? null;
  return (
    <Flex direction="row" gap="sm" align="center" wrap>
      <StatusTag testId="kam-plan-status" variant={STATUS_VARIANTS[summary.status]}>
        {plan.statusLabels[summary.status]}
      </StatusTag>
      {summary.nextReviewOn && (
        <Text testId="kam-plan-next-review">
          {plan.nextReview(formatPlanDay(summary.nextReviewOn, language))}
        </Text>
      )}
      {summary.status !== 'none' &&
        (summary.progressPercent !== null ? (
          <Text testId="kam-plan-progress">
            {plan.progress(formatShare(summary.progressPercent / 100, language), measurable ?? 0)}
          </Text>
        ) : (
          measurable === 0 && (
            <Text testId="kam-plan-progress" variant="microcopy">
              {plan.noMeasurableGoals}
            </Text>
          )
        ))}
    </Flex>
  );
};

export type AccountPlanPanelProps = {
  summary: PlanSummary;
  isKeyAccount: boolean;
  runFunction: FunctionRunner;
  actingUser: ActingUser;
  addAlert: AddAlertAction;
  language: UiLanguage;
  /** Re-reads the record after a save (the save function rescored the company). */
  onSaved: () => Promise<void> | void;
  /** The browser's clock: "today" for a new plan and for "Mark reviewed". */
  now?: () => Date;
};

/** §10 the account development plan on the card: the summary at once, the plan and its editor on request. */
export const AccountPlanPanel = ({
  summary,
  isKeyAccount,
  runFunction,
  actingUser,
  addAlert,
  language,
  onSaved,
  now = () => new Date(),
}: AccountPlanPanelProps) => {
  const texts: Texts = { plan: planMessagesFor(language), card: messagesFor(language), language };
  const { plan: m } = texts;
  const { state, load, saveState, save, clearSaveState } = useAccountPlan({
    runFunction,
    addAlert,
    messages: m,
    actingUser,
    onSaved,
  });
  const [isEditing, setEditing] = useState(false);

  const openEditor = () => {
    clearSaveState();
    setEditing(true);
    if (state.status !== 'loaded') void load();
  };
  const reload = () => {
    clearSaveState();
    setEditing(false);
    void load();
  };

  const writeButton = (
    <Button
      testId="kam-plan-write"
      variant={isKeyAccount ? 'primary' : 'secondary'}
      size={isKeyAccount ? 'md' : 'sm'}
      onClick={openEditor}
    >
      {isKeyAccount ? m.writeKey : m.writeOther}
    </Button>
  );
  const noPlan = (
    <Flex direction="column" gap="xs" testId="kam-plan-empty">
      <Text variant={isKeyAccount ? 'bodytext' : 'microcopy'}>
        {isKeyAccount ? m.noPlanKey : m.noPlanOther}
      </Text>
      <Flex direction="row">{writeButton}</Flex>
    </Flex>
  );

  const body = (() => {
    switch (state.status) {
      case 'idle':
        return summary.status === 'none' ? (
          noPlan
        ) : (
          <Flex direction="row">
            <Button testId="kam-plan-load" variant="secondary" onClick={() => void load()}>
              {m.show}
            </Button>
          </Flex>
        );
      case 'loading':
        return <LoadingSpinner testId="kam-plan-loading" label={m.loading} showLabel />;
      case 'failed':
        return (
          <Alert testId="kam-plan-error" variant="danger" title={m.loadFailedTitle}>
            <Flex direction="column" gap="xs">
              <Text>{state.error.message}</Text>
              <Button testId="kam-plan-retry" size="sm" onClick={() => void load()}>
                {texts.card.retry}
              </Button>
            </Flex>
          </Alert>
        );
      case 'loaded':
        return (
          <LoadedPlan
            result={state.result}
            assessment={summary.assessment}
            texts={texts}
            isEditing={isEditing}
            noPlan={noPlan}
            saveState={saveState}
            onEdit={openEditor}
            onCancel={() => setEditing(false)}
            onReload={reload}
            onSave={async (request) => {
              const outcome = await save(request);
              if (outcome?.status === 'saved') setEditing(false);
            }}
            ownerUserId={actingUser.userId}
            today={dayOf(now())}
          />
        );
    }
  })();

  return (
    <Flex direction="column" gap="sm" testId="kam-plan">
      <Heading testId="kam-plan-heading">{m.heading}</Heading>
      <PlanSummaryLine summary={summary} texts={texts} />
      {body}
    </Flex>
  );
};

type LoadedPlanProps = {
  result: AccountPlanLoaded;
  assessment: PlanAssessment | null;
  texts: Texts;
  isEditing: boolean;
  noPlan: ReactNode;
  saveState: ReturnType<typeof useAccountPlan>['saveState'];
  onEdit: () => void;
  onCancel: () => void;
  onReload: () => void;
  onSave: (request: { plan: AccountPlan; baseVersionId: string | null; note: string }) => Promise<void>;
  ownerUserId: string;
  today: string;
};

const LoadedPlan = ({
  result,
  assessment,
  texts,
  isEditing,
  noPlan,
  saveState,
  onEdit,
  onCancel,
  onReload,
  onSave,
  ownerUserId,
  today,
}: LoadedPlanProps) => {
  const { plan: m } = texts;
  if (!result.storeAvailable) {
    return (
      <Alert testId="kam-plan-store-unavailable" variant="info" title={m.storeUnavailableTitle}>
        {m.storeUnavailableBody}
      </Alert>
    );
  }
  const stored = result.plan;
  const invalid = result.invalidCurrent;
  const invalidAlert = invalid && (
    <Alert testId="kam-plan-invalid" variant="warning" title={m.invalidTitle(invalid.version)}>
      <Flex direction="column" gap="xs">
        <Text>{m.invalidBody}</Text>
        <List variant="unordered">
          {invalid.issues.map((issue, index) => (
            <Text key={index}>
              {issue.path
                ? `${fieldLabel(issue.path, m)}: ${m.issue({ code: '', message: issue.message })}`
                : issue.message}
            </Text>
          ))}
        </List>
      </Flex>
    </Alert>
  );
  const versions = <PlanVersions versions={result.versions} texts={texts} />;

  if (isEditing) {
    return (
      <Flex direction="column" gap="sm">
        {invalidAlert}
        <AccountPlanEditor
          key={stored?.versionId ?? invalid?.versionId ?? 'new'}
          initial={
            stored
              ? draftOf(stored.plan)
              : invalid
                ? draftFromContent(result.invalidContent, emptyDraft(ownerUserId, today), today)
                : emptyDraft(ownerUserId, today)
          }
          baseVersionId={stored?.versionId ?? invalid?.versionId ?? null}
          saveState={saveState}
          onSave={onSave}
          onCancel={onCancel}
          onReload={onReload}
          texts={texts}
          today={today}
        />
      </Flex>
    );
  }
  if (!stored) {
    return (
      <Flex direction="column" gap="sm">
        {invalidAlert}
        {invalid ? (
          <Flex direction="row">
            <Button testId="kam-plan-edit" variant="primary" onClick={onEdit}>
              {m.edit}
            </Button>
          </Flex>
        ) : (
          noPlan
        )}
        {versions}
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="sm">
      <PlanView stored={stored} assessment={assessment} texts={texts} />
      <Flex direction="row" gap="xs" wrap>
        <Button testId="kam-plan-edit" variant="primary" onClick={onEdit}>
          {m.edit}
        </Button>
        <LoadingButton
          testId="kam-plan-mark-reviewed"
          variant="secondary"
          loading={saveState.status === 'saving'}
          onClick={() =>
            void onSave({
              plan: markedReviewed(stored.plan, today),
              baseVersionId: stored.versionId,
              note: m.reviewedNote,
            })
          }
        >
          {m.markReviewed}
        </LoadingButton>
      </Flex>
      {saveState.status === 'saved' && (
        <Text testId="kam-plan-saved" variant="microcopy">
          {saveState.saved.rescoreError
            ? m.savedNotRescored(saveState.saved.saved.version)
            : m.saved(saveState.saved.saved.version)}
        </Text>
      )}
      {saveState.status === 'failed' && (
        <Alert testId="kam-plan-save-error" variant="danger" title={m.saveFailedTitle}>
          <Flex direction="column" gap="xs">
            <Text>{saveState.error.message}</Text>
            <Button testId="kam-plan-reload" size="sm" onClick={onReload}>
              {m.reload}
            </Button>
          </Flex>
        </Alert>
      )}
      {versions}
    </Flex>
  );
};

const TextBlock = ({ label, text, testId }: { label: string; text: string; testId: string }) =>
  text.trim() === '' ? null : (
    <Flex direction="column" gap="flush" testId={testId}>
      <Text format={{ fontWeight: 'demibold' }}>{label}</Text>
      <Text>{text}</Text>
    </Flex>
  );

type PlanViewProps = { stored: StoredPlan; assessment: PlanAssessment | null; texts: Texts };

export const PlanView = ({ stored, assessment, texts }: PlanViewProps) => {
  const { plan: m, language } = texts;
  const { plan } = stored;
  const progressById = new Map((assessment?.goals ?? []).map((progress) => [progress.goalId, progress]));
  const { ordered, isRanked } = rankOpportunities(plan.opportunities, assessment?.opportunityRanking ?? null);
  const assessedVersion = assessment?.versionId ?? null;
  const strategyKeys = ['product', 'price', 'promotion', 'place'] as const;
  const level = (value: keyof PlanMessages['levelLabels']) => m.levelLabels[value];

  return (
    <Flex direction="column" gap="sm" testId="kam-plan-view">
      <DescriptionList direction="row">
        <DescriptionListItem label={m.owner}>
          <Text testId="kam-plan-owner">{plan.ownerUserId ? m.ownerUser(plan.ownerUserId) : m.noOwner}</Text>
        </DescriptionListItem>
        <DescriptionListItem label={m.lastReviewed}>
          <Text testId="kam-plan-last-reviewed">{formatPlanDay(plan.lastReviewedOn, language)}</Text>
        </DescriptionListItem>
        <DescriptionListItem label={m.nextReviewLabel}>
          <Text testId="kam-plan-next-review-on">{formatPlanDay(plan.nextReviewOn, language)}</Text>
        </DescriptionListItem>
      </DescriptionList>
      <TextBlock label={m.clientGoals} text={plan.clientGoals} testId="kam-plan-client-goals" />

      <Text format={{ fontWeight: 'demibold' }}>{m.goals}</Text>
      {plan.goals.length === 0 ? (
        <Text testId="kam-plan-no-goals" variant="microcopy">
          {m.noGoals}
        </Text>
      ) : (
        <>
          {assessedVersion === null ? (
            <Text testId="kam-plan-not-assessed" variant="microcopy">
              {m.notAssessed}
            </Text>
          ) : (
            assessedVersion !== stored.versionId && (
              <Text testId="kam-plan-assessed-other" variant="microcopy">
                {m.assessedOther(assessment?.version ?? assessedVersion)}
              </Text>
            )
          )}
          <Table density="condensed" bordered testId="kam-plan-goals">
            <TableHead>
              <TableRow>
                <TableHeader>{m.goalColumns.goal}</TableHeader>
                <TableHeader>{m.goalColumns.target}</TableHeader>
                <TableHeader>{m.goalColumns.status}</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {plan.goals.map((goal) => {
                const progress = progressById.get(goal.id);
                return (
                  <TableRow key={goal.id}>
                    <TableCell>
                      <Text>{goal.title}</Text>
                      {goal.clientGoal && <Text variant="microcopy">{m.clientGoal(goal.clientGoal)}</Text>}
                    </TableCell>
                    <TableCell>
                      <Text testId={`kam-plan-goal-${goal.id}`}>
                        {goalProgressText(goal, progress, texts)}
                      </Text>
                    </TableCell>
                    <TableCell>
                      {progress ? (
                        <StatusTag variant={GOAL_VARIANTS[progress.status]}>
                          {m.goalStatusLabels[progress.status]}
                        </StatusTag>
                      ) : (
                        '—'
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </>
      )}

      {strategyKeys.some((key) => plan.strategy[key].trim() !== '') && (
        <Flex direction="column" gap="xs" testId="kam-plan-strategy">
          <Text format={{ fontWeight: 'demibold' }}>{m.strategy}</Text>
          <DescriptionList direction="column">
            {strategyKeys
              .filter((key) => plan.strategy[key].trim() !== '')
              .map((key) => (
                <DescriptionListItem key={key} label={m.strategyLabels[key]}>
                  <Text>{plan.strategy[key]}</Text>
                </DescriptionListItem>
              ))}
          </DescriptionList>
        </Flex>
      )}
      <TextBlock label={m.resources} text={plan.resources} testId="kam-plan-resources" />
      <TextBlock label={m.tactics} text={plan.tactics} testId="kam-plan-tactics" />

      <Text format={{ fontWeight: 'demibold' }}>{m.opportunities}</Text>
      {ordered.length === 0 ? (
        <Text testId="kam-plan-no-opportunities" variant="microcopy">
          {m.noOpportunities}
        </Text>
      ) : (
        <>
          <Text testId="kam-plan-opportunity-order" variant="microcopy">
            {isRanked ? m.rankedByPayoff : m.inPlanOrder}
          </Text>
          <Table density="condensed" bordered testId="kam-plan-opportunities">
            <TableHead>
              <TableRow>
                <TableHeader>{m.opportunityColumns.opportunity}</TableHeader>
                <TableHeader>{m.opportunityColumns.kind}</TableHeader>
                <TableHeader>{m.opportunityColumns.effort}</TableHeader>
                <TableHeader>{m.opportunityColumns.payoff}</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {ordered.map((opportunity) => (
                <TableRow key={opportunity.id}>
                  <TableCell>
                    <Text>{opportunity.title}</Text>
                    {opportunity.notes && <Text variant="microcopy">{opportunity.notes}</Text>}
                  </TableCell>
                  <TableCell>{m.kindLabels[opportunity.kind]}</TableCell>
                  <TableCell>
                    {m.effortText(
                      level(opportunity.effort.time),
                      level(opportunity.effort.money),
                      level(opportunity.effort.people),
                    )}
                  </TableCell>
                  <TableCell>{level(opportunity.payoff)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Flex>
  );
};

const PlanVersions = ({ versions, texts }: { versions: AccountPlanLoaded['versions']; texts: Texts }) => {
  const { plan: m, language } = texts;
  if (versions.length === 0) return null;
  return (
    <Flex direction="column" gap="xs" testId="kam-plan-versions">
      <Text format={{ fontWeight: 'demibold' }}>{m.versions}</Text>
      <List variant="unordered">
        {versions.map((version) => (
          <Flex key={version.versionId} direction="row" gap="xs" align="center" wrap>
            <Text>
              {[
                m.versionLine(
                  version.version,
                  version.savedBy.email || version.savedBy.userId,
                  formatDateTime(version.savedAt, language),
                ),
                version.note ? m.versionNote(version.note) : '',
              ]
                .filter(Boolean)
                .join(': ')}
            </Text>
            {version.isCurrent && <StatusTag variant="success">{m.currentVersion}</StatusTag>}
            {!version.isValid && <StatusTag variant="warning">{m.invalidVersion}</StatusTag>}
          </Flex>
        ))}
      </List>
    </Flex>
  );
};
