import { hubspot } from '@hubspot/ui-extensions';
import { KeyAccountCard } from './components/KeyAccountCard';
import { KEYSTONE_SERVE_URL } from './transport-config';
import { asksForAdminKey, chooseFunctionRunner } from '@keystone/shared';

// The company-record tab. Keystone is called through hubspot.serverless (app functions, 2026.03),
// or hubspot.fetch to kam serve when the build's profile sets KEYSTONE_SERVE_URL (@keystone/shared: src/shared/transport.ts);
// injected so tests can pass a spy.
hubspot.extend<'crm.record.tab'>(({ context, actions }) => (
  <KeyAccountCard
    context={context}
    actions={actions}
    runFunction={chooseFunctionRunner(KEYSTONE_SERVE_URL, {
      serverless: hubspot.serverless,
      fetch: hubspot.fetch,
      recordId: context.crm.objectId,
    })}
    askAdminKey={asksForAdminKey(KEYSTONE_SERVE_URL)}
  />
));
