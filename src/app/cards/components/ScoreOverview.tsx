import {
  Flex,
  ProgressBar,
  ScoreCircle,
  Statistics,
  StatisticsItem,
  StatisticsTrend,
  StatusTag,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import type { AxisLevel, RiskLevel, Tier, UiLanguage } from '@keystone/shared';
import { formatGrowth, formatNumber, formatShare } from '../lib/format';
import type { ScoredRecord } from '../lib/kam-record';
import type { CardMessages } from '../lib/messages';
import { PinnedTierNote } from './PinnedTierNote';

const TIER_VARIANT: Record<Tier, 'success' | 'info' | 'default'> = {
  key: 'success',
  important: 'info',
  regular: 'default',
};

export const RISK_VARIANT: Record<RiskLevel, 'success' | 'info' | 'warning' | 'danger'> = {
  none: 'success',
  watch: 'info',
  at_risk: 'warning',
  critical: 'danger',
};

type ScoreOverviewProps = {
  record: ScoredRecord;
  attractivenessLevel: AxisLevel | null;
  strengthLevel: AxisLevel | null;
  messages: CardMessages;
  language: UiLanguage;
};

const axisDescription = (
  value: number | null,
  level: AxisLevel | null,
  messages: CardMessages,
  language: UiLanguage,
) =>
  value === null
    ? '—'
    : `${formatNumber(value, language)} / 100${level ? ` · ${messages.axisLevelLabels[level]}` : ''}`;

/** Tier and quadrant, the score, both KAISM axes and the revenue figures behind them. */
export const ScoreOverview = ({
  record,
  attractivenessLevel,
  strengthLevel,
  messages,
  language,
}: ScoreOverviewProps) => (
  <Flex direction="column" gap="sm">
    <Flex direction="row" gap="xs" wrap>
      {record.tier && (
        <Tag testId="kam-tier" variant={TIER_VARIANT[record.tier]}>
          {`${messages.tier}: ${messages.tierLabels[record.tier]}`}
        </Tag>
      )}
      {record.quadrant && (
        <Tag testId="kam-quadrant">{`${messages.quadrant}: ${messages.quadrantLabels[record.quadrant]}`}</Tag>
      )}
      {record.riskLevel && (
        <StatusTag testId="kam-risk-tag" variant={RISK_VARIANT[record.riskLevel]}>
          {messages.riskLabels[record.riskLevel]}
        </StatusTag>
      )}
    </Flex>
    {record.pin && (
      <PinnedTierNote
        pin={record.pin}
        computedTier={record.computedTier}
        messages={messages}
        language={language}
      />
    )}
    <Flex direction="row" gap="md" align="center" wrap>
      {record.score !== null && <ScoreCircle testId="kam-score" score={Math.round(record.score)} />}
      <Flex direction="column" gap="xs">
        <Text format={{ fontWeight: 'demibold' }}>{messages.score}</Text>
        <ProgressBar
          testId="kam-attractiveness"
          title={messages.attractiveness}
          value={record.attractiveness ?? 0}
          maxValue={100}
          valueDescription={axisDescription(record.attractiveness, attractivenessLevel, messages, language)}
        />
        <ProgressBar
          testId="kam-strength"
          title={messages.strength}
          value={record.strength ?? 0}
          maxValue={100}
          valueDescription={axisDescription(record.strength, strengthLevel, messages, language)}
        />
      </Flex>
    </Flex>
    <Statistics testId="kam-statistics">
      {record.wonRevenue12m !== null && (
        <StatisticsItem label={messages.wonRevenue12m} number={formatNumber(record.wonRevenue12m, language)}>
          {record.growth !== null && (
            <StatisticsTrend
              direction={record.growth < 0 ? 'decrease' : 'increase'}
              value={formatGrowth(record.growth, language)}
            />
          )}
        </StatisticsItem>
      )}
      {record.confidence !== null && (
        <StatisticsItem label={messages.confidence} number={formatShare(record.confidence, language)} />
      )}
    </Statistics>
  </Flex>
);
