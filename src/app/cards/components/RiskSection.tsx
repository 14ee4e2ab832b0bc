import { Flex, Heading, List, StatusTag, Text } from '@hubspot/ui-extensions';
import {
  RISK_SCORE_SIGNALS,
  type RiskLevel,
  type RiskScoreSignalId,
  type Explanation,
  type UiLanguage,
} from '@keystone/shared';
import type { CardMessages } from '../lib/messages';
import { RISK_VARIANT } from './ScoreOverview';

type RiskSectionProps = {
  riskLevel: RiskLevel;
  lossStage: number | null;
  /** From the explanation, in the user's language; null when only the stored English lines exist. */
  signals: Explanation['risk']['signals'] | null;
  fallbackReasons: string[];
  /** The graded score's part of the explanation (issue #17); null in documents written before it. */
  graded: Pick<Explanation['risk'], 'score' | 'contributions' | 'calibrated'> | null;
  messages: CardMessages;
  language: UiLanguage;
};

/** Signs shown under "weighs most". */
const TOP_SIGNS = 3;
/** A level seen on fewer accounts than this in the calibration history says too little to quote. */
const MIN_ACCOUNTS_TO_QUOTE = 20;

const isSign = (id: string): id is RiskScoreSignalId =>
  (RISK_SCORE_SIGNALS as readonly string[]).includes(id);

/** "Weighs most: a, b, c" for the signs with the most points, or null when none adds a point. */
function weighsMost(graded: RiskSectionProps['graded'], messages: CardMessages): string | null {
  const signs = (graded?.contributions ?? [])
    .filter((contribution) => contribution.points >= 1 && isSign(contribution.id))
    .slice(0, TOP_SIGNS)
    .map(
      (contribution) =>
        `${messages.riskSignLabels[contribution.id as RiskScoreSignalId]} (+${contribution.points})`,
    );
  return signs.length === 0 ? null : `${messages.weighsMost} ${signs.join('; ')}`;
}

/** The calibrated meaning of the level, or null without a calibration or with too few accounts. */
function calibratedWords(graded: RiskSectionProps['graded'], messages: CardMessages): string | null {
  const calibrated = graded?.calibrated;
  if (!calibrated || calibrated.accounts < MIN_ACCOUNTS_TO_QUOTE) return null;
  const inTen = Math.round((10 * calibrated.declined) / calibrated.accounts);
  return messages.calibratedLevel(inTen, calibrated.horizonMonths, calibrated.accounts);
}

/** methodology §8: the risk level, the loss stage it maps to, and the signals that raised it. */
export const RiskSection = ({
  riskLevel,
  lossStage,
  signals,
  fallbackReasons,
  graded,
  messages,
  language,
}: RiskSectionProps) => {
  const score = graded?.score;
  const most = weighsMost(graded, messages);
  const calibrated = calibratedWords(graded, messages);
  const reasons = signals ? signals.map((signal) => signal.text[language]) : fallbackReasons;
  const stage = lossStage !== null && lossStage >= 0 && lossStage <= 4 ? Math.round(lossStage) : null;
  return (
    <Flex direction="column" gap="xs" testId="kam-risk">
      <Flex direction="row" gap="sm" align="center">
        <Heading inline>{messages.risk}</Heading>
        <StatusTag variant={RISK_VARIANT[riskLevel]}>{messages.riskLabels[riskLevel]}</StatusTag>
        {score !== undefined && (
          <Text testId="kam-risk-score" variant="microcopy">
            {messages.riskScore(score)}
          </Text>
        )}
      </Flex>
      {calibrated !== null && <Text testId="kam-risk-calibrated">{calibrated}</Text>}
      {most !== null && (
        <Text testId="kam-risk-weighs-most" variant="microcopy">
          {most}
        </Text>
      )}
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
