import { Accordion, Button, Flex, TextArea } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { SettingsMessages } from '../lib/messages';
import type { Draft } from '../lib/model-draft';

type LoadDraftPanelProps = {
  /** Called with the parsed object; the editor validates it like any draft. */
  onLoad: (draft: Draft) => void;
  messages: SettingsMessages;
};

/** Parses a pasted model file: a JSON object, or null. */
export function parseDraftText(text: string): Draft | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Draft) : null;
  } catch {
    return null;
  }
}

/** Issue #17: loads a model file (a `kam calibrate` draft, say) into the draft, to check, preview and save. */
export const LoadDraftPanel = ({ onLoad, messages }: LoadDraftPanelProps) => {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Accordion testId="kam-load-draft" title={messages.loadDraftTitle} size="sm">
      <Flex direction="column" gap="sm">
        <TextArea
          testId="kam-load-draft-json"
          name="draftJson"
          label={messages.loadDraftLabel}
          description={messages.loadDraftDescription}
          value={text}
          error={error !== null}
          validationMessage={error ?? undefined}
          onChange={(value: string) => {
            setText(value);
            setError(null);
          }}
        />
        <Button
          testId="kam-load-draft-button"
          size="sm"
          disabled={text.trim() === ''}
          onClick={() => {
            const draft = parseDraftText(text);
            if (draft === null) setError(messages.loadDraftNotAModel);
            else onLoad(draft);
          }}
        >
          {messages.loadDraft}
        </Button>
      </Flex>
    </Accordion>
  );
};
