import {
  Accordion,
  Flex,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import type { Explanation, UiLanguage } from '@keystone/shared';
import { formatNumber, formatShare } from '../lib/format';
import type { CardMessages } from '../lib/messages';

type Factor = Explanation['factors']['attractiveness'][number];

type FactorBreakdownProps = {
  explanation: Explanation;
  confidence: number | null;
  messages: CardMessages;
  language: UiLanguage;
};

const FactorTable = ({
  axis,
  title,
  factors,
  messages,
  language,
}: {
  axis: string;
  title: string;
  factors: Factor[];
  messages: CardMessages;
  language: UiLanguage;
}) => (
  <Table testId={`kam-factors-${axis}`} density="condensed" bordered>
    <TableHead>
      <TableRow>
        <TableHeader>{`${title} — ${messages.factor}`}</TableHeader>
        <TableHeader align="right">{messages.value}</TableHeader>
        <TableHeader align="right">{messages.weight}</TableHeader>
        <TableHeader align="right">{messages.contribution}</TableHeader>
      </TableRow>
    </TableHead>
    <TableBody>
      {factors.map((factor) => (
        <TableRow key={factor.id}>
          <TableCell>{factor.label[language]}</TableCell>
          <TableCell align="right">
            {factor.hasData && factor.value !== null ? formatNumber(factor.value, language) : messages.noData}
          </TableCell>
          <TableCell align="right">{formatNumber(factor.weight, language, 2)}</TableCell>
          <TableCell align="right">{formatNumber(factor.contribution, language, 1)}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

/** "Why this score": every factor with its value, weight and contribution, then what data is missing. */
export const FactorBreakdown = ({ explanation, confidence, messages, language }: FactorBreakdownProps) => {
  const allFactors = [...explanation.factors.attractiveness, ...explanation.factors.strength];
  const gapLabels = explanation.dataGaps.map(
    (gap) => allFactors.find((factor) => factor.id === gap)?.label[language] ?? gap,
  );
  return (
    <Accordion testId="kam-why" title={messages.whyThisScore} size="sm">
      <Flex direction="column" gap="sm">
        <FactorTable
          axis="attractiveness"
          title={messages.attractiveness}
          factors={explanation.factors.attractiveness}
          messages={messages}
          language={language}
        />
        <FactorTable
          axis="strength"
          title={messages.strength}
          factors={explanation.factors.strength}
          messages={messages}
          language={language}
        />
        {confidence !== null && (
          <Text testId="kam-confidence">{`${messages.confidence}: ${formatShare(confidence, language)}`}</Text>
        )}
        <Flex direction="column" gap="xs" testId="kam-data-gaps">
          <Text format={{ fontWeight: 'demibold' }}>{messages.dataGaps}</Text>
          {gapLabels.length === 0 ? (
            <Text variant="microcopy">{messages.noDataGaps}</Text>
          ) : (
            <Flex direction="row" gap="xs" wrap>
              {gapLabels.map((label) => (
                <Tag key={label} variant="warning">
                  {label}
                </Tag>
              ))}
            </Flex>
          )}
          {explanation.dataIssueCount > 0 && (
            <Text variant="microcopy" testId="kam-data-issues">
              {messages.dataIssues(explanation.dataIssueCount)}
            </Text>
          )}
        </Flex>
      </Flex>
    </Accordion>
  );
};
