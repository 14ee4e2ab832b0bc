import {
  Alert,
  Button,
  Divider,
  ErrorState,
  Flex,
  LoadingButton,
  LoadingSpinner,
  Text,
  type AddAlertAction,
  type CrmContext,
} from '@hubspot/ui-extensions';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useCreateTask } from '../hooks/use-create-task';
import { useKeyAccountRecord } from '../hooks/use-key-account-record';
import { usePinTier } from '../hooks/use-pin-tier';
import { useRecalculate } from '../hooks/use-recalculate';
import { useScoreHistory } from '../hooks/use-score-history';
import type { ScoredRecord } from '../lib/kam-record';
import { formatDateTime, languageFromLocale, type FunctionRunner, type UiLanguage } from '@keystone/shared';
import { messagesFor, type CardMessages } from '../lib/messages';
import { AccountPlanPanel } from './AccountPlanSection';
import { FactorBreakdown } from './FactorBreakdown';
import { NeverScoredState } from './NeverScoredState';
import { OrganisationMapPanel, type OrganisationMapPanelProps } from './OrganisationMapSection';
import { PinTierControl } from './PinTierControl';
import { RecommendationsSection } from './RecommendationsSection';
import { RevenueTrend } from './RevenueTrend';
import { RiskSection } from './RiskSection';
import { ScoreOverview } from './ScoreOverview';
import { TierPlacesNote } from './TierPlacesNote';
import { ScoreTrend } from './ScoreTrend';
import { StrategySection } from './StrategySection';
import { SupplierPositionSection } from './SupplierPositionSection';

export type KeyAccountCardProps = {
  context: Pick<CrmContext, 'user'>;
  actions: { addAlert: AddAlertAction; refreshObjectProperties: () => void };
  runFunction: FunctionRunner;
  /** False over `kam serve` (`asksForAdminKey`): the pin form then asks for no admin key. */
  askAdminKey?: boolean;
};

/** The key-account tab on a company record: everything Keystone knows about this account. */
export const KeyAccountCard = ({
  context,
  actions,
  runFunction,
  askAdminKey = true,
}: KeyAccountCardProps) => {
  const language = languageFromLocale(context.user.locale);
  const messages = messagesFor(language);
  const { record, isLoading, error, refetch } = useKeyAccountRecord();
  const { addAlert, refreshObjectProperties } = actions;

  const reloadProperties = useCallback(async () => {
    // Our own re-read for the card, and HubSpot's for the record page's property panels.
    refreshObjectProperties();
    await refetch();
  }, [refetch, refreshObjectProperties]);

  const { state: recalculation, recalculate } = useRecalculate({
    runFunction,
    addAlert,
    messages,
    onChanged: reloadProperties,
  });
  const { runningId, createTask } = useCreateTask({ runFunction, addAlert, messages, language });
  const { state: scoreHistory, load: loadScoreHistory } = useScoreHistory(runFunction);
  const { id: userId, email } = context.user;
  const actingUser = useMemo(() => ({ userId: String(userId), email }), [userId, email]);
  const pinTier = usePinTier({ runFunction, addAlert, messages, actingUser, onChanged: reloadProperties });
  const isRecalculating = recalculation.status === 'running';

  if (isLoading) return <LoadingSpinner testId="kam-loading" label={messages.loading} showLabel />;

  if (error) {
    return (
      <ErrorState testId="kam-properties-error" title={messages.propertiesErrorTitle}>
        <Text>{messages.propertiesErrorBody}</Text>
        <Button testId="kam-properties-retry" onClick={() => void refetch()}>
          {messages.retry}
        </Button>
      </ErrorState>
    );
  }

  if (!record.isScored) {
    if (recalculation.status === 'failed') {
      return (
        <ErrorState testId="kam-function-error" title={messages.functionErrorTitle}>
          <Text>{recalculation.error.message}</Text>
          <LoadingButton
            testId="kam-recalculate"
            loading={isRecalculating}
            onClick={() => void recalculate()}
          >
            {messages.retry}
          </LoadingButton>
        </ErrorState>
      );
    }
    return (
      <NeverScoredState
        messages={messages}
        isRecalculating={isRecalculating}
        onRecalculate={() => void recalculate()}
      />
    );
  }

  return (
    <ScoredCard
      record={record}
      messages={messages}
      language={language}
      recalculation={recalculation}
      onRecalculate={() => void recalculate()}
      runningTaskId={runningId}
      onCreateTask={(id) => void createTask(id)}
      scoreHistory={scoreHistory}
      onLoadScoreHistory={() => void loadScoreHistory()}
      pinTier={pinTier}
      askAdminKey={askAdminKey}
      organisationMap={{ messages, language, runFunction, onChanged: reloadProperties }}
      planPanel={
        <AccountPlanPanel
          summary={record.plan}
          isKeyAccount={record.tier === 'key'}
          {...{ runFunction, actingUser, addAlert, language, onSaved: reloadProperties }}
        />
      }
    />
  );
};

type ScoredCardProps = {
  record: ScoredRecord;
  messages: CardMessages;
  language: UiLanguage;
  recalculation: ReturnType<typeof useRecalculate>['state'];
  onRecalculate: () => void;
  runningTaskId: string | null;
  onCreateTask: (recommendationId: string) => void;
  scoreHistory: ReturnType<typeof useScoreHistory>['state'];
  onLoadScoreHistory: () => void;
  pinTier: ReturnType<typeof usePinTier>;
  askAdminKey: boolean;
  organisationMap: OrganisationMapPanelProps;
  planPanel: ReactNode;
};

const ScoredCard = ({
  record,
  messages,
  language,
  recalculation,
  onRecalculate,
  runningTaskId,
  onCreateTask,
  scoreHistory,
  onLoadScoreHistory,
  pinTier,
  askAdminKey,
  organisationMap,
  planPanel,
}: ScoredCardProps) => {
  const explanation = record.explanation.status === 'ok' ? record.explanation.explanation : null;
  return (
    <Flex direction="column" gap="md">
      {recalculation.status === 'failed' && (
        <Alert testId="kam-recalculate-error" variant="danger" title={messages.recalculateFailedTitle}>
          {recalculation.error.message}
        </Alert>
      )}
      {recalculation.status === 'done' && recalculation.result.truncated && (
        <Alert testId="kam-truncated" variant="warning" title={messages.truncatedTitle}>
          {messages.truncatedBody}
        </Alert>
      )}
      {record.explanation.status === 'corrupt' && (
        <Alert testId="kam-explanation-corrupt" variant="warning" title={messages.explanationCorruptTitle}>
          {messages.explanationCorruptBody(record.explanation.reason)}
        </Alert>
      )}
      <ScoreOverview
        record={record}
        attractivenessLevel={explanation?.attractivenessLevel ?? null}
        strengthLevel={explanation?.strengthLevel ?? null}
        messages={messages}
        language={language}
      />
      {explanation && (
        <TierPlacesNote
          computedTier={record.computedTier ?? record.tier}
          explanation={explanation}
          messages={messages}
          language={language}
        />
      )}
      <PinTierControl
        currentTier={record.tier}
        pin={record.pin}
        running={pinTier.running}
        onSubmit={pinTier.submit}
        messages={messages}
        askAdminKey={askAdminKey}
      />
      {record.strategy && <StrategySection strategy={record.strategy} messages={messages} />}
      <SupplierPositionSection
        position={record.supplierPosition}
        stored={explanation?.position}
        messages={messages}
        language={language}
      />
      {planPanel}
      <OrganisationMapPanel {...organisationMap} />
      {record.riskLevel && (
        <RiskSection
          riskLevel={record.riskLevel}
          lossStage={explanation?.risk.lossStage ?? record.lossStage}
          signals={explanation?.risk.signals ?? null}
          fallbackReasons={record.riskReasons}
          graded={explanation?.risk ?? null}
          messages={messages}
          language={language}
        />
      )}
      <RecommendationsSection
        recommendations={explanation?.recommendations ?? null}
        fallbackLines={record.topRecommendations}
        runningTaskId={runningTaskId}
        onCreateTask={onCreateTask}
        messages={messages}
        language={language}
      />
      {explanation && <RevenueTrend revenueByYear={explanation.revenueByYear} messages={messages} />}
      <ScoreTrend state={scoreHistory} onLoad={onLoadScoreHistory} messages={messages} language={language} />
      {explanation ? (
        <FactorBreakdown
          explanation={explanation}
          confidence={record.confidence}
          messages={messages}
          language={language}
        />
      ) : (
        record.explanation.status === 'missing' && (
          <Text testId="kam-explanation-missing" variant="microcopy">
            {messages.explanationMissing}
          </Text>
        )
      )}
      <Divider />
      <Flex direction="row" justify="between" align="center" wrap gap="sm">
        <Text testId="kam-scored-at" variant="microcopy">
          {messages.scoredAt(
            record.scoredAt ? formatDateTime(record.scoredAt, language) : '—',
            record.modelVersion ?? '—',
          )}
        </Text>
        <LoadingButton
          testId="kam-recalculate"
          variant="secondary"
          loading={recalculation.status === 'running'}
          onClick={onRecalculate}
        >
          {messages.recalculate}
        </LoadingButton>
      </Flex>
    </Flex>
  );
};
