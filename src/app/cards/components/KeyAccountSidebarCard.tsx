import { Flex, LoadingSpinner, StatusTag, Tag, Text, type CrmContext } from '@hubspot/ui-extensions';
import { useKeyAccountRecord } from '../hooks/use-key-account-record';
import { formatNumber } from '../lib/format';
import { languageFromLocale } from '@keystone/shared';
import { messagesFor } from '../lib/messages';
import { RISK_VARIANT } from './ScoreOverview';

type KeyAccountSidebarCardProps = { context: Pick<CrmContext, 'user'> };

/** The compact sidebar view: tier, score and risk at a glance, from stored properties only. */
export const KeyAccountSidebarCard = ({ context }: KeyAccountSidebarCardProps) => {
  const language = languageFromLocale(context.user.locale);
  const messages = messagesFor(language);
  const { record, isLoading, error } = useKeyAccountRecord();

  if (isLoading) return <LoadingSpinner testId="kam-sidebar-loading" label={messages.loading} />;
  if (error) return <Text testId="kam-sidebar-error">{messages.propertiesErrorBody}</Text>;
  if (!record.isScored) {
    return (
      <Text testId="kam-sidebar-never-scored" variant="microcopy">
        {messages.neverScoredTitle}
      </Text>
    );
  }
  return (
    <Flex direction="row" gap="xs" align="center" wrap testId="kam-sidebar">
      {record.tier && <Tag testId="kam-sidebar-tier">{messages.tierLabels[record.tier]}</Tag>}
      {record.score !== null && (
        <Text testId="kam-sidebar-score" format={{ fontWeight: 'bold' }}>
          {`${messages.score}: ${formatNumber(record.score, language)}`}
        </Text>
      )}
      {record.riskLevel && (
        <StatusTag testId="kam-sidebar-risk" variant={RISK_VARIANT[record.riskLevel]}>
          {messages.riskLabels[record.riskLevel]}
        </StatusTag>
      )}
    </Flex>
  );
};
