import { EmptyState, LoadingButton, Text } from '@hubspot/ui-extensions';
import type { CardMessages } from '../lib/messages';

type NeverScoredStateProps = {
  messages: CardMessages;
  isRecalculating: boolean;
  onRecalculate: () => void;
};

/** A company Keystone has never scored: say so and offer the one action that fixes it. */
export const NeverScoredState = ({ messages, isRecalculating, onRecalculate }: NeverScoredStateProps) => (
  <EmptyState
    testId="kam-never-scored"
    title={messages.neverScoredTitle}
    imageName="companies"
    layout="vertical"
  >
    <Text>{messages.neverScoredBody}</Text>
    <LoadingButton
      testId="kam-recalculate"
      variant="primary"
      loading={isRecalculating}
      onClick={onRecalculate}
    >
      {messages.recalculate}
    </LoadingButton>
  </EmptyState>
);
