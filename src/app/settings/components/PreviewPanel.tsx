import {
  Alert,
  Flex,
  Heading,
  LoadingButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { PreviewModelResult } from '@keystone/shared';
import type { ActionState } from '../hooks/use-async-action';
import type { SettingsMessages } from '../lib/messages';

type PreviewSuccess = Extract<PreviewModelResult, { ok: true }>;
type Transition = PreviewSuccess['tierTransitions'][number];
type Backtest = PreviewSuccess['backtest'];

const auc = (value: number | null): string => (value === null ? '—' : value.toFixed(2));
const share = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 100)}%`);

/** Both models' backtest on the sample, labelled as a sample estimate with its size. */
const BacktestFigures = ({ backtest, messages }: { backtest: Backtest; messages: SettingsMessages }) => (
  <Flex direction="column" gap="xs">
    <Text format={{ fontWeight: 'demibold' }}>{messages.backtestTitle}</Text>
    <Text testId="kam-backtest-sample" variant="microcopy">
      {messages.backtestDescription(backtest.sampleSize, backtest.asOf.slice(0, 10), backtest.horizonMonths)}
    </Text>
    {!backtest.enoughDecliners && (
      <Text testId="kam-backtest-too-few">{messages.backtestTooFewDecliners(backtest.declined)}</Text>
    )}
    <Table testId="kam-backtest" density="condensed" bordered>
      <TableHead>
        <TableRow>
          <TableHeader>{messages.backtestModel}</TableHeader>
          <TableHeader align="right">{messages.backtestDeclineAuc}</TableHeader>
          <TableHeader align="right">{messages.backtestBaselineAuc}</TableHeader>
          <TableHeader align="right">{messages.backtestKeyShare}</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {[
          {
            key: 'active',
            label: messages.backtestActive(backtest.active.modelVersion),
            figures: backtest.active,
          },
          {
            key: 'draft',
            label: messages.backtestDraft(backtest.draft.modelVersion),
            figures: backtest.draft,
          },
        ].map((row) => (
          <TableRow key={row.key}>
            <TableCell>{row.label}</TableCell>
            <TableCell align="right">{auc(row.figures.declineAuc)}</TableCell>
            <TableCell align="right">{auc(backtest.revenueBaselineDeclineAuc)}</TableCell>
            <TableCell align="right">{share(row.figures.keyRevenueShare)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </Flex>
);

type PreviewPanelProps = {
  state: ActionState<PreviewSuccess>;
  isDraftValid: boolean;
  sampleSize: number;
  onPreview: () => void;
  messages: SettingsMessages;
};

const Transitions = ({
  testId,
  title,
  transitions,
  messages,
}: {
  testId: string;
  title: string;
  transitions: Transition[];
  messages: SettingsMessages;
}) => (
  <Flex direction="column" gap="xs">
    <Text format={{ fontWeight: 'demibold' }}>{title}</Text>
    {transitions.length === 0 ? (
      <Text variant="microcopy">{messages.noChanges}</Text>
    ) : (
      <Table testId={testId} density="condensed" bordered>
        <TableHead>
          <TableRow>
            <TableHeader>{messages.from}</TableHeader>
            <TableHeader>{messages.to}</TableHeader>
            <TableHeader align="right">{messages.companies}</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {transitions.map((transition) => (
            <TableRow key={`${transition.from}->${transition.to}`}>
              <TableCell>{transition.from}</TableCell>
              <TableCell>{transition.to}</TableCell>
              <TableCell align="right">{transition.count}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    )}
  </Flex>
);

/** What the draft would change, on a bounded sample of scored companies, before anything is saved. */
export const PreviewPanel = ({ state, isDraftValid, sampleSize, onPreview, messages }: PreviewPanelProps) => (
  <Flex direction="column" gap="sm" testId="kam-preview">
    <Heading>{messages.previewTitle}</Heading>
    <Text variant="microcopy">{messages.previewDescription(sampleSize)}</Text>
    <LoadingButton
      testId="kam-preview-button"
      variant="secondary"
      disabled={!isDraftValid}
      loading={state.status === 'running'}
      onClick={onPreview}
    >
      {messages.preview}
    </LoadingButton>
    {state.status === 'failed' && (
      <Alert testId="kam-preview-error" variant="danger" title={messages.previewFailedTitle}>
        {state.error.message}
      </Alert>
    )}
    {state.status === 'done' && (
      <Flex direction="column" gap="sm">
        <Text testId="kam-preview-summary">
          {messages.previewResult(
            state.value.compared,
            state.value.sampled,
            state.value.tierChanges,
            state.value.quadrantChanges,
          )}
        </Text>
        {state.value.truncated && (
          <Text testId="kam-preview-truncated" variant="microcopy">
            {messages.previewTruncated}
          </Text>
        )}
        <Transitions
          testId="kam-preview-tiers"
          title={messages.transitionsTier}
          transitions={state.value.tierTransitions}
          messages={messages}
        />
        <Transitions
          testId="kam-preview-quadrants"
          title={messages.transitionsQuadrant}
          transitions={state.value.quadrantTransitions}
          messages={messages}
        />
        <BacktestFigures backtest={state.value.backtest} messages={messages} />
      </Flex>
    )}
  </Flex>
);
