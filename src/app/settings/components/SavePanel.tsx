import { Flex, Heading, Input, LoadingButton, TextArea, Text } from '@hubspot/ui-extensions';
import type { SettingsMessages } from '../lib/messages';

type SavePanelProps = {
  /** False over `kam serve`: no key field (the signed HubSpot user id decides). */
  askAdminKey: boolean;
  adminKey: string;
  note: string;
  canSave: boolean;
  hasChanges: boolean;
  isSaving: boolean;
  adminKeyError: string | null;
  onAdminKeyChange: (value: string) => void;
  onNoteChange: (value: string) => void;
  onSave: () => void;
  messages: SettingsMessages;
};

/** Saving needs the admin key, which the save function checks; the page only passes it on. */
export const SavePanel = ({
  askAdminKey,
  adminKey,
  note,
  canSave,
  hasChanges,
  isSaving,
  adminKeyError,
  onAdminKeyChange,
  onNoteChange,
  onSave,
  messages,
}: SavePanelProps) => (
  <Flex direction="column" gap="sm" testId="kam-save">
    <Heading>{messages.saveTitle}</Heading>
    {askAdminKey && (
      <Input
        testId="kam-admin-key"
        name="adminKey"
        type="password"
        label={messages.adminKeyLabel}
        description={messages.adminKeyDescription}
        value={adminKey}
        error={adminKeyError !== null}
        validationMessage={adminKeyError ?? undefined}
        onChange={onAdminKeyChange}
      />
    )}
    <TextArea
      testId="kam-save-note"
      name="note"
      label={messages.noteLabel}
      maxLength={500}
      value={note}
      onChange={onNoteChange}
    />
    {!hasChanges && (
      <Text testId="kam-nothing-to-save" variant="microcopy">
        {messages.nothingToSave}
      </Text>
    )}
    <LoadingButton
      testId="kam-save-button"
      variant="primary"
      disabled={!canSave}
      loading={isSaving}
      onClick={onSave}
    >
      {messages.save}
    </LoadingButton>
  </Flex>
);
