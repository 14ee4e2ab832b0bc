import {
  Alert,
  Button,
  Flex,
  Heading,
  LineChart,
  LoadingSpinner,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { type ScoreHistoryPoint, formatDateTime, type UiLanguage, type Tier } from '@keystone/shared';
import type { ScoreHistoryState } from '../hooks/use-score-history';
import type { CardMessages } from '../lib/messages';

type ScoreTrendProps = {
  state: ScoreHistoryState;
  onLoad: () => void;
  messages: CardMessages;
  language: UiLanguage;
};

type TierChange = { at: string; from: Tier | null; to: Tier };

/** Every point whose tier differs from the tier of the point before it. */
export function tierChangesOf(points: readonly ScoreHistoryPoint[]): TierChange[] {
  const changes: TierChange[] = [];
  let previous: Tier | null = null;
  points.forEach((point, index) => {
    if (point.tier === null) return;
    if (index > 0 && point.tier !== previous) changes.push({ at: point.at, from: previous, to: point.tier });
    previous = point.tier;
  });
  return changes;
}

/** The company's score over time with its tier changes, from HubSpot's property history (on request). */
export const ScoreTrend = ({ state, onLoad, messages, language }: ScoreTrendProps) => (
  <Flex direction="column" gap="sm">
    <Heading testId="kam-score-trend-heading">{messages.scoreTrend}</Heading>
    <ScoreTrendBody state={state} onLoad={onLoad} messages={messages} language={language} />
  </Flex>
);

const ScoreTrendBody = ({ state, onLoad, messages, language }: ScoreTrendProps) => {
  switch (state.status) {
    case 'idle':
      return (
        <Button testId="kam-score-trend-load" variant="secondary" onClick={onLoad}>
          {messages.showScoreTrend}
        </Button>
      );
    case 'loading':
      return <LoadingSpinner testId="kam-score-trend-loading" label={messages.scoreTrendLoading} showLabel />;
    case 'failed':
      return (
        <Alert testId="kam-score-trend-error" variant="danger" title={messages.scoreTrendFailedTitle}>
          <Flex direction="column" gap="xs">
            <Text>{state.error.message}</Text>
            <Button testId="kam-score-trend-retry" variant="secondary" onClick={onLoad}>
              {messages.retry}
            </Button>
          </Flex>
        </Alert>
      );
    case 'done':
      return (
        <ScoreTrendChart
          points={state.result.points}
          truncated={state.result.truncated}
          messages={messages}
          language={language}
        />
      );
  }
};

const ScoreTrendChart = ({
  points,
  truncated,
  messages,
  language,
}: {
  points: ScoreHistoryPoint[];
  truncated: boolean;
  messages: CardMessages;
  language: UiLanguage;
}) => {
  if (points.length < 2) {
    return (
      <Text testId="kam-score-trend-empty" variant="microcopy">
        {messages.scoreTrendNotEnough}
      </Text>
    );
  }
  const changes = tierChangesOf(points);
  const tierLabel = (tier: Tier | null) => (tier ? messages.tierLabels[tier] : '—');
  return (
    <Flex direction="column" gap="sm">
      <LineChart
        testId="kam-score-trend"
        data={points.map((point) => ({ at: point.at, score: point.score }))}
        axes={{
          x: { field: 'at', fieldType: 'datetime', label: messages.scoredOn },
          y: { field: 'score', fieldType: 'linear', label: messages.score },
        }}
        options={{ showTooltips: true }}
      />
      {truncated && (
        <Text testId="kam-score-trend-truncated" variant="microcopy">
          {messages.scoreTrendTruncated(points.length)}
        </Text>
      )}
      {changes.length === 0 ? (
        <Text testId="kam-tier-changes-none" variant="microcopy">
          {messages.noTierChanges}
        </Text>
      ) : (
        <Table testId="kam-tier-changes" density="condensed" bordered>
          <TableHead>
            <TableRow>
              <TableHeader>{messages.scoredOn}</TableHeader>
              <TableHeader>{messages.tierChanges}</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {changes.map((change) => (
              <TableRow key={change.at}>
                <TableCell>{formatDateTime(change.at, language)}</TableCell>
                <TableCell>{`${tierLabel(change.from)} → ${tierLabel(change.to)}`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Flex>
  );
};
