import { Flex, Heading, List, StatusTag, Text } from '@hubspot/ui-extensions';
import type { RiskLevel } from '../generated/engine/core/enums';
import type { Explanation } from '../generated/engine/hubspot/explanation-schema';
import type { UiLanguage } from '../generated/app/functions/contract/client';
import type { CardMessages } from '../lib/messages';
import { RISK_VARIANT } from './ScoreOverview';

type RiskSectionProps = {
  riskLevel: RiskLevel;
  lossStage: number | null;
  /** From the explanation, in the user's language; null when only the stored English lines exist. */
  signals: Explanation['risk']['signals'] | null;
  fallbackReasons: string[];
  messages: CardMessages;
  language: UiLanguage;
};

/** methodology §8: the risk level, the loss stage it maps to, and the signals that raised it. */
export const RiskSection = ({
  riskLevel,
  lossStage,
  signals,
  fallbackReasons,
  messages,
  language,
}: RiskSectionProps) => {
  const reasons = signals ? signals.map((signal) => signal.text[language]) : fallbackReasons;
  const stage = lossStage !== null && lossStage >= 0 && lossStage <= 4 ? Math.round(lossStage) : null;
  return (
    <Flex direction="column" gap="xs" testId="kam-risk">
      <Flex direction="row" gap="sm" align="center">
        <Heading inline>{messages.risk}</Heading>
        <StatusTag variant={RISK_VARIANT[riskLevel]}>{messages.riskLabels[riskLevel]}</StatusTag>
      </Flex>
      {stage !== null && (
        <Text testId="kam-loss-stage" variant="microcopy">
          {`${messages.lossStage(stage)} — ${messages.lossStageMeanings[stage as 0 | 1 | 2 | 3 | 4]}`}
        </Text>
      )}
      {reasons.length === 0 ? (
        <Text variant="microcopy">{messages.noSignals}</Text>
      ) : (
        <List testId="kam-risk-signals" variant="unordered-styled">
          {reasons.map((reason) => (
            <Text key={reason}>{reason}</Text>
          ))}
        </List>
      )}
    </Flex>
  );
};
