import { hubspot } from '@hubspot/ui-extensions';
import { KeyAccountCard } from './components/KeyAccountCard';

// The company-record tab. App functions are called through hubspot.serverless (2026.03), injected
// so tests can pass a spy.
hubspot.extend<'crm.record.tab'>(({ context, actions }) => (
  <KeyAccountCard context={context} actions={actions} runFunction={hubspot.serverless} />
));
