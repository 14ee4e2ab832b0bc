import {
  Button,
  Flex,
  Heading,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { formatDateTime, type UiLanguage, type ModelVersion } from '@keystone/shared';
import type { SettingsMessages } from '../lib/messages';

type VersionHistoryProps = {
  history: ModelVersion[];
  rollingBackId: string | null;
  onRollback: (version: ModelVersion) => void;
  messages: SettingsMessages;
  language: UiLanguage;
};

/** Every saved version, newest first; an older valid one can be made active again (as a new version). */
export const VersionHistory = ({
  history,
  rollingBackId,
  onRollback,
  messages,
  language,
}: VersionHistoryProps) => (
  <Flex direction="column" gap="sm" testId="kam-history">
    <Heading>{messages.historyTitle}</Heading>
    {history.length === 0 ? (
      <Text testId="kam-history-empty" variant="microcopy">
        {messages.historyEmpty}
      </Text>
    ) : (
      <Table testId="kam-history-table" density="condensed" bordered>
        <TableHead>
          <TableRow>
            <TableHeader>{messages.version}</TableHeader>
            <TableHeader>{messages.savedAt}</TableHeader>
            <TableHeader>{messages.savedBy}</TableHeader>
            <TableHeader>{messages.note}</TableHeader>
            <TableHeader>{messages.status}</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {history.map((version) => (
            <TableRow key={version.versionId} testId={`kam-version-${version.versionId}`}>
              <TableCell>{version.version}</TableCell>
              <TableCell>{formatDateTime(version.savedAt, language)}</TableCell>
              <TableCell>{version.savedBy.email}</TableCell>
              <TableCell>{version.note}</TableCell>
              <TableCell>
                {version.isActive && <StatusTag variant="success">{messages.active}</StatusTag>}
                {!version.isValid && <StatusTag variant="danger">{messages.invalid}</StatusTag>}
                {!version.isActive && version.isValid && (
                  <Button
                    testId={`kam-rollback-${version.versionId}`}
                    size="xs"
                    variant="secondary"
                    disabled={rollingBackId !== null}
                    onClick={() => onRollback(version)}
                  >
                    {messages.rollback}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    )}
  </Flex>
);
