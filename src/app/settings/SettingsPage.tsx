import { hubspot } from '@hubspot/ui-extensions';
import { ModelSettings } from './components/ModelSettings';

// The app's settings page (Connected apps › Keystone › Settings). App functions are called through
// hubspot.serverless (2026.03), injected so tests can pass a spy.
hubspot.extend<'settings'>(({ context, actions }) => (
  <ModelSettings context={context} actions={actions} runFunction={hubspot.serverless} />
));
