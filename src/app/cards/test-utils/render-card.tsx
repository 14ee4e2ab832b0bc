/**
 * Renders the key-account card in HubSpot's test renderer with the record's properties, the
 * user's locale and a spy for the app functions (run over the transport the test file chose, see
 * `useFetchTransport`). Returns the renderer with the spy, the properties' refetch and the alerts
 * the card raised.
 */
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { runnerFor } from '@keystone/shared/test-utils';
import { KeyAccountCard } from '../components/KeyAccountCard';
import { SCORED_PROPERTIES, associationsPage, createCrmPropertiesResult } from './fixtures';

export type RenderCardOptions = {
  properties?: Record<string, string | null>;
  isLoading?: boolean;
  error?: Error | null;
  locale?: string;
  runFunction?: jest.Mock;
  /** What HubSpot's `useAssociations` returns on each render (default: no contacts). */
  associations?: () => ReturnType<typeof associationsPage>;
  /** How long `waitFor` waits; tests whose functions run against the emulator need longer. */
  waitTimeoutMs?: number;
};

export function renderCard({
  properties = SCORED_PROPERTIES,
  isLoading,
  error,
  locale,
  runFunction = jest.fn(),
  associations = () => associationsPage([]),
  waitTimeoutMs = 5000,
}: RenderCardOptions = {}) {
  const renderer = createRenderer('crm.record.tab');
  const refetch = jest.fn(async () => undefined);
  renderer.mocks.useCrmProperties.willCall(() =>
    createCrmPropertiesResult(properties, { isLoading, error, refetch }),
  );
  // no associated contacts unless a test gives some (the organisation map's own tests do)
  renderer.mocks.useAssociations.willCall(associations);
  const context = { ...renderer.mocks.context, user: { ...renderer.mocks.context.user, locale } };
  renderer.render(
    <KeyAccountCard
      context={context}
      actions={renderer.mocks.actions}
      runFunction={runnerFor(runFunction, context.crm.objectId)}
    />,
  );
  const alerts = () => renderer.mocks.actions.addAlert.calls.map(([alert]) => alert);
  // HubSpot's default of 1 s is tight on a busy CI machine.
  const waitFor = (check: () => void) => renderer.waitFor(check, { timeoutInMs: waitTimeoutMs });
  return { ...renderer, waitFor, runFunction, refetch, alerts };
}
