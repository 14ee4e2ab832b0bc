import { Flex, Tag, Text } from '@hubspot/ui-extensions';
import { formatDateTime, type UiLanguage, type Tier } from '@keystone/shared';
import type { TierPinView } from '../lib/kam-record';
import type { CardMessages } from '../lib/messages';

type PinnedTierNoteProps = {
  pin: TierPinView;
  computedTier: Tier | null;
  messages: CardMessages;
  language: UiLanguage;
};

/**
 * Under a manager's pin the tier tag shows the pinned tier (what workflows read); this note puts
 * the model's own tier beside it, with who pinned, why and until when, so the override is never
 * mistaken for the score's verdict.
 */
export const PinnedTierNote = ({ pin, computedTier, messages, language }: PinnedTierNoteProps) => {
  const who = pin.pinnedBy ?? messages.unknownPerson;
  return (
    <Flex direction="column" gap="xs" testId="kam-pin">
      <Flex direction="row" gap="xs" wrap>
        <Tag testId="kam-pin-tag" variant="warning">
          {`${messages.pinned}: ${messages.tierLabels[pin.tier]}`}
        </Tag>
        <Tag testId="kam-computed-tier">
          {`${messages.computedTier}: ${computedTier ? messages.tierLabels[computedTier] : '—'}`}
        </Tag>
      </Flex>
      <Text testId="kam-pin-by" variant="microcopy">
        {pin.expiresAt
          ? messages.pinnedBy(who, formatDateTime(pin.expiresAt, language))
          : messages.pinnedByNoEnd(who)}
      </Text>
      {pin.reason && <Text testId="kam-pin-reason">{messages.pinReason(pin.reason)}</Text>}
      {pin.strategy && (
        <Text testId="kam-pin-strategy" variant="microcopy">
          {messages.pinnedStrategy(messages.strategyLabels[pin.strategy])}
        </Text>
      )}
    </Flex>
  );
};
