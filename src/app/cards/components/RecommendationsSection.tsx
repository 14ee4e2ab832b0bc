import { Flex, Heading, LoadingButton, Text, Tile } from '@hubspot/ui-extensions';
import type { Explanation, UiLanguage } from '@keystone/shared';
import type { CardMessages } from '../lib/messages';

type RecommendationsSectionProps = {
  /** From the explanation; null when only the stored English summary lines can be shown. */
  recommendations: Explanation['recommendations'] | null;
  fallbackLines: string[];
  runningTaskId: string | null;
  onCreateTask: (recommendationId: string) => void;
  messages: CardMessages;
  language: UiLanguage;
};

/** The recommended actions with their reasons; each can become a HubSpot task for the company owner. */
export const RecommendationsSection = ({
  recommendations,
  fallbackLines,
  runningTaskId,
  onCreateTask,
  messages,
  language,
}: RecommendationsSectionProps) => {
  const isEmpty = recommendations ? recommendations.length === 0 : fallbackLines.length === 0;
  return (
    <Flex direction="column" gap="xs" testId="kam-recommendations">
      <Heading>{messages.recommendations}</Heading>
      {isEmpty && <Text variant="microcopy">{messages.noRecommendations}</Text>}
      {recommendations
        ? recommendations.map((recommendation) => (
            <Tile key={recommendation.id} compact testId={`kam-recommendation-${recommendation.id}`}>
              <Flex direction="row" justify="between" align="center" gap="sm">
                <Flex direction="column" gap="flush">
                  <Text format={{ fontWeight: 'demibold' }}>{recommendation.title[language]}</Text>
                  <Text variant="microcopy">{recommendation.reason[language]}</Text>
                </Flex>
                <LoadingButton
                  testId={`kam-create-task-${recommendation.id}`}
                  size="sm"
                  variant="secondary"
                  loading={runningTaskId === recommendation.id}
                  onClick={() => onCreateTask(recommendation.id)}
                >
                  {messages.createTask}
                </LoadingButton>
              </Flex>
            </Tile>
          ))
        : fallbackLines.map((line, index) => (
            <Text key={line} testId={`kam-recommendation-line-${index}`}>
              {line}
            </Text>
          ))}
    </Flex>
  );
};
