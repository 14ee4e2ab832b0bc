import { Flex, Heading, Text } from '@hubspot/ui-extensions';
import {
  KAM_INPUT_PROPERTIES,
  SUPPLIER_POSITION_TEXTS,
  type Explanation,
  type PositionInputField,
  type SupplierPosition,
  type UiLanguage,
} from '@keystone/shared';
import type { CardMessages } from '../lib/messages';

type SupplierPositionSectionProps = {
  position: SupplierPosition | null;
  /** Why there is no position, as the last scoring stored it; absent when neither input was ever set. */
  stored: Explanation['position'] | undefined;
  messages: CardMessages;
  language: UiLanguage;
};

/**
 * methodology §6: where the client places us (significance of our supply × value we give), what
 * that means and what moves us toward partner; when there is no position, which input to set.
 */
export const SupplierPositionSection = ({
  position,
  stored,
  messages,
  language,
}: SupplierPositionSectionProps) => {
  if (position === null) {
    // the property labels as HubSpot shows them on the record, where the manager sets them
    const names = (fields: readonly PositionInputField[]) =>
      fields
        .map(
          (field) => `"${KAM_INPUT_PROPERTIES.find((property) => property.name === field)?.label ?? field}"`,
        )
        .join(', ');
    const why =
      stored && stored.invalid.length > 0
        ? messages.positionInvalid(names(stored.invalid))
        : stored && stored.missing.length === 1
          ? messages.positionMissing(names(stored.missing))
          : messages.positionEmpty;
    return (
      <Flex direction="column" gap="xs" testId="kam-position">
        <Heading testId="kam-position-heading">{messages.supplierPosition}</Heading>
        <Text testId="kam-position-empty">{why}</Text>
      </Flex>
    );
  }
  const texts = SUPPLIER_POSITION_TEXTS[position];
  return (
    <Flex direction="column" gap="xs" testId="kam-position">
      <Heading testId="kam-position-heading">{`${messages.supplierPosition}: ${texts.label[language]}`}</Heading>
      <Text testId="kam-position-meaning">{texts.meaning[language]}</Text>
      <Text format={{ fontWeight: 'demibold' }}>{messages.positionTowardPartner}</Text>
      <Text testId="kam-position-toward-partner">{texts.towardPartner[language]}</Text>
    </Flex>
  );
};
