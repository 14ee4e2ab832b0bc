import { hubspot } from '@hubspot/ui-extensions';
import { ModelSettings } from './components/ModelSettings';
import { KEYSTONE_SERVE_URL } from './transport-config';
import { asksForAdminKey, chooseFunctionRunner } from '@keystone/shared';

// The app's settings page (Connected apps › Keystone › Settings). Keystone is called through
// hubspot.serverless (app functions, 2026.03), or hubspot.fetch to kam serve when the build's
// profile sets KEYSTONE_SERVE_URL (@keystone/shared: src/shared/transport.ts); injected so tests can pass a spy.
hubspot.extend<'settings'>(({ context, actions }) => (
  <ModelSettings
    context={context}
    actions={actions}
    runFunction={chooseFunctionRunner(KEYSTONE_SERVE_URL, {
      serverless: hubspot.serverless,
      fetch: hubspot.fetch,
      recordId: undefined,
    })}
    askAdminKey={asksForAdminKey(KEYSTONE_SERVE_URL)}
  />
));
