import { Text } from '@hubspot/ui-extensions';
import type { Tier, Explanation, UiLanguage } from '@keystone/shared';
import { formatNumber } from '../lib/format';
import type { CardMessages } from '../lib/messages';

type TierPlacesNoteProps = {
  /** The model's own tier (`kam_tier_computed`, or `kam_tier` when nothing is pinned). */
  computedTier: Tier | null;
  explanation: Explanation;
  messages: CardMessages;
  language: UiLanguage;
};

/**
 * Tier capacity on the record (issue #16): "Key accounts: 38 of 40 places", and, for a company
 * that passed a tier's threshold but ranked below the line, where the line is. Shown only for
 * documents written since tier capacity (older ones carry no places).
 */
export const TierPlacesNote = ({ computedTier, explanation, messages, language }: TierPlacesNoteProps) => {
  const tiers = explanation.portfolio?.tiers;
  if (!tiers) return null;
  const passed = explanation.thresholdTier ?? null;
  const belowLine =
    passed !== null && passed !== 'regular' && computedTier !== null && computedTier !== passed
      ? tiers[passed]
      : null;
  return (
    <>
      <Text testId="kam-tier-places" variant="microcopy">
        {`${messages.tierPlaces(messages.tierLabels.key, tiers.key.used, tiers.key.places)} · ${messages.tierPlaces(
          messages.tierLabels.important,
          tiers.important.used,
          tiers.important.places,
        )}`}
      </Text>
      {belowLine?.line && passed && (
        <Text testId="kam-below-tier-line" variant="microcopy">
          {messages.belowTierLine(
            messages.tierLabels[passed],
            formatNumber(belowLine.line.rank, language, 1),
            belowLine.leftOut,
          )}
        </Text>
      )}
    </>
  );
};
