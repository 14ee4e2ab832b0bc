import {
  Accordion,
  Alert,
  Button,
  Divider,
  Flex,
  Heading,
  List,
  Tag,
  Text,
  type AddAlertAction,
} from '@hubspot/ui-extensions';
import { useCallback, useMemo, useState } from 'react';
import {
  callFunction,
  formatDateTime,
  type FunctionRunner,
  type JsonValue,
  type UiLanguage,
  FUNCTION_NAMES,
  type ActingUser,
  type FieldIssue,
  previewModelResultSchema,
  savedModelResultSchema,
  type ModelVersion,
  DEFAULT_SCORING_MODEL,
  SIGNED_USER_ADMIN_KEY,
} from '@keystone/shared';
import { useAsyncAction } from '../hooks/use-async-action';
import type { LoadedModel } from '../hooks/use-scoring-model';
import type { SettingsMessages } from '../lib/messages';
import { LoadDraftPanel } from './LoadDraftPanel';
import { MODEL_FIELDS, SECTIONS, SECTION_TITLES, fieldsOf } from '../lib/model-fields';
import {
  editField,
  getAt,
  groupIssues,
  isSameModel,
  messagesAt,
  validateDraft,
  type Draft,
} from '../lib/model-draft';
import { ModelField } from './ModelField';
import { PreviewPanel } from './PreviewPanel';
import { SavePanel } from './SavePanel';
import { VersionHistory } from './VersionHistory';

export const PREVIEW_SAMPLE_SIZE = 200;

type ModelEditorProps = {
  data: LoadedModel;
  actingUser: ActingUser;
  runFunction: FunctionRunner;
  /** False over `kam serve`: the signed user id decides; the key sent is `SIGNED_USER_ADMIN_KEY`. */
  askAdminKey: boolean;
  addAlert: AddAlertAction;
  onSaved: () => void;
  messages: SettingsMessages;
  language: UiLanguage;
};

const FIELD_PATHS = MODEL_FIELDS.map((descriptor) => descriptor.path);
const issueLines = (issues: readonly FieldIssue[]): string[] =>
  issues.map((issue) => `${issue.path}: ${issue.message}`);

/** The model form: edit, validate as you type, preview, save with the admin key, roll back. */
export const ModelEditor = ({
  data,
  actingUser,
  runFunction,
  askAdminKey,
  addAlert,
  onSaved,
  messages,
  language,
}: ModelEditorProps) => {
  const activeModel = data.active.model as unknown as Draft;
  const [draft, setDraft] = useState<Draft>(activeModel);
  const [adminKey, setAdminKey] = useState(askAdminKey ? '' : SIGNED_USER_ADMIN_KEY);
  const [adminKeyError, setAdminKeyError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [rollingBackId, setRollingBackId] = useState<string | null>(null);

  const validation = useMemo(() => validateDraft(draft), [draft]);
  const issues = validation.ok ? serverIssues : validation.issues;
  const hasChanges = !isSameModel(draft, activeModel);

  const preview = useAsyncAction(
    useCallback(
      (model: Draft) =>
        callFunction(
          runFunction,
          FUNCTION_NAMES.previewModel,
          { parameters: { model: model as JsonValue, sampleSize: PREVIEW_SAMPLE_SIZE } },
          previewModelResultSchema,
        ),
      [runFunction],
    ),
  );
  const save = useAsyncAction(
    useCallback(
      (model: Draft, key: string, saveNote: string) =>
        callFunction(
          runFunction,
          FUNCTION_NAMES.saveModel,
          { parameters: { model: model as JsonValue, note: saveNote, adminKey: key, actingUser } },
          savedModelResultSchema,
        ),
      [runFunction, actingUser],
    ),
  );
  const rollback = useAsyncAction(
    useCallback(
      (versionId: string, key: string) =>
        callFunction(
          runFunction,
          FUNCTION_NAMES.rollbackModel,
          { parameters: { versionId, adminKey: key, actingUser } },
          savedModelResultSchema,
        ),
      [runFunction, actingUser],
    ),
  );

  const changeDraft = (next: Draft) => {
    setDraft(next);
    setServerIssues([]);
    // A preview describes the draft it was run on; an edit makes it stale.
    preview.reset();
  };

  const requireAdminKey = (): string | null => {
    if (adminKey.trim() === '') {
      setAdminKeyError(messages.adminKeyRequired);
      return null;
    }
    setAdminKeyError(null);
    return adminKey;
  };

  const reportFailure = (title: string, error: { code: string; message: string; issues?: FieldIssue[] }) => {
    if (error.code.startsWith('auth.')) setAdminKeyError(error.message);
    if (error.issues) setServerIssues(error.issues);
    addAlert({ type: 'danger', title, message: error.message });
  };

  const onSave = async () => {
    const key = requireAdminKey();
    if (key === null || !validation.ok) return;
    const outcome = await save.run(draft, key, note);
    if (!outcome) return;
    if (!outcome.ok) return reportFailure(messages.saveFailedTitle, outcome.error);
    addAlert({
      type: 'success',
      title: messages.savedTitle,
      message: messages.saved(outcome.value.version.version),
    });
    onSaved();
  };

  const onRollback = async (version: ModelVersion) => {
    const key = requireAdminKey();
    if (key === null) return;
    setRollingBackId(version.versionId);
    const outcome = await rollback.run(version.versionId, key);
    setRollingBackId(null);
    if (!outcome) return;
    if (!outcome.ok) return reportFailure(messages.rollbackFailedTitle, outcome.error);
    addAlert({
      type: 'success',
      title: messages.rolledBackTitle,
      message: messages.rolledBack(version.version, outcome.value.version.version),
    });
    onSaved();
  };

  const activeVersion = data.active.version;
  const isActiveInvalid = data.history.some((version) => version.isActive && !version.isValid);
  const crossFieldIssues = groupIssues(issues, FIELD_PATHS);

  return (
    <Flex direction="column" gap="md">
      <Heading>{messages.pageTitle}</Heading>
      <Text>{messages.intro}</Text>
      <Text testId="kam-active-version">
        {activeVersion
          ? messages.activeStored(
              activeVersion.version,
              formatDateTime(activeVersion.savedAt, language),
              activeVersion.savedBy.email,
            )
          : messages.activeDefault}
      </Text>
      {data.problems.length > 0 && (
        <Alert testId="kam-stored-problems" variant="danger" title={messages.problemsTitle}>
          {isActiveInvalid && <Text testId="kam-active-invalid">{messages.activeInvalid}</Text>}
          <List testId="kam-stored-problem-list">
            {data.problems.map((problem) => (
              <Text key={problem.versionId}>
                {messages.problemLine(
                  data.history.find((version) => version.versionId === problem.versionId)?.version ??
                    problem.versionId,
                  problem.issues.map((issue) => issue.path).join(', '),
                )}
              </Text>
            ))}
          </List>
        </Alert>
      )}
      {issues.length > 0 && (
        <Alert testId="kam-validation-summary" variant="warning" title={messages.fixFieldsTitle}>
          <Text>{messages.fixFieldsBody(issues.length)}</Text>
          {crossFieldIssues.length > 0 && (
            <List testId="kam-cross-field-issues">
              {issueLines(crossFieldIssues).map((line) => (
                <Text key={line}>{line}</Text>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Flex direction="row" gap="sm" align="center" wrap>
        {hasChanges && (
          <Tag testId="kam-unsaved" variant="warning">
            {messages.unsavedChanges}
          </Tag>
        )}
        <Button
          testId="kam-discard"
          size="sm"
          disabled={!hasChanges}
          onClick={() => changeDraft(activeModel)}
        >
          {messages.discardChanges}
        </Button>
        <Button
          testId="kam-start-from-defaults"
          size="sm"
          onClick={() =>
            changeDraft({ ...(DEFAULT_SCORING_MODEL as unknown as Draft), version: draft.version })
          }
        >
          {messages.startFromDefaults}
        </Button>
      </Flex>
      <LoadDraftPanel
        onLoad={(loaded) => changeDraft({ ...loaded, version: draft.version })}
        messages={messages}
      />
      {SECTIONS.map((section) => (
        <Accordion
          key={section}
          testId={`kam-section-${section}`}
          title={SECTION_TITLES[section][language]}
          size="sm"
        >
          <Flex direction="column" gap="sm">
            {fieldsOf(section).map((descriptor) => (
              <ModelField
                key={descriptor.path}
                descriptor={descriptor}
                value={getAt(draft, descriptor.path)}
                errors={messagesAt(issues, descriptor.path)}
                language={language}
                onChange={(path, value) => changeDraft(editField(draft, path, value))}
              />
            ))}
          </Flex>
        </Accordion>
      ))}
      <Divider />
      <PreviewPanel
        state={preview.state}
        isDraftValid={validation.ok}
        sampleSize={PREVIEW_SAMPLE_SIZE}
        onPreview={() => void preview.run(draft)}
        messages={messages}
      />
      <Divider />
      <SavePanel
        askAdminKey={askAdminKey}
        adminKey={adminKey}
        note={note}
        hasChanges={hasChanges}
        canSave={validation.ok && hasChanges}
        isSaving={save.state.status === 'running'}
        adminKeyError={adminKeyError}
        onAdminKeyChange={(value) => {
          setAdminKey(value);
          setAdminKeyError(null);
        }}
        onNoteChange={setNote}
        onSave={() => void onSave()}
        messages={messages}
      />
      <Divider />
      <VersionHistory
        history={data.history}
        rollingBackId={rollingBackId}
        onRollback={(version) => void onRollback(version)}
        messages={messages}
        language={language}
      />
    </Flex>
  );
};
