import {
  ErrorState,
  LoadingSpinner,
  Text,
  Button,
  type AddAlertAction,
  type SettingsContext,
} from '@hubspot/ui-extensions';
import { languageFromLocale, type FunctionRunner } from '@keystone/shared';
import { useScoringModel } from '../hooks/use-scoring-model';
import { messagesFor } from '../lib/messages';
import { ModelEditor } from './ModelEditor';

export type ModelSettingsProps = {
  context: Pick<SettingsContext, 'user'>;
  actions: { addAlert: AddAlertAction };
  runFunction: FunctionRunner;
  /** False over `kam serve` (`asksForAdminKey`): saving and rolling back then ask for no admin key. */
  askAdminKey?: boolean;
};

/** Keystone's settings page: loads the active scoring model and its versions, then hands over to the editor. */
export const ModelSettings = ({ context, actions, runFunction, askAdminKey = true }: ModelSettingsProps) => {
  const language = languageFromLocale(context.user.locale);
  const messages = messagesFor(language);
  const { state, reload } = useScoringModel(runFunction);

  if (state.status === 'loading') {
    return <LoadingSpinner testId="kam-settings-loading" label={messages.loading} showLabel />;
  }
  if (state.status === 'failed') {
    return (
      <ErrorState testId="kam-settings-error" title={messages.loadErrorTitle}>
        <Text>{state.error.message}</Text>
        <Button testId="kam-settings-retry" onClick={() => void reload()}>
          {messages.retry}
        </Button>
      </ErrorState>
    );
  }
  return (
    <ModelEditor
      // A new active version starts a fresh draft.
      key={state.data.active.version?.versionId ?? 'default'}
      data={state.data}
      actingUser={{ userId: String(context.user.id), email: context.user.email }}
      runFunction={runFunction}
      askAdminKey={askAdminKey}
      addAlert={actions.addAlert}
      onSaved={() => void reload()}
      messages={messages}
      language={language}
    />
  );
};
