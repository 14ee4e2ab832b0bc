import { Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { Strategy } from '@keystone/shared';
import type { CardMessages } from '../lib/messages';

type StrategySectionProps = { strategy: Strategy; messages: CardMessages };

/** methodology §4: the strategic option and what it asks of the account team. */
export const StrategySection = ({ strategy, messages }: StrategySectionProps) => (
  <Flex direction="column" gap="xs" testId="kam-strategy">
    <Heading testId="kam-strategy-heading">{`${messages.strategy}: ${messages.strategyLabels[strategy]}`}</Heading>
    <Text testId="kam-strategy-meaning">{messages.strategyMeanings[strategy]}</Text>
  </Flex>
);
