import { hubspot } from '@hubspot/ui-extensions';
import { KeyAccountSidebarCard } from './components/KeyAccountSidebarCard';

// The compact company-record sidebar card: stored properties only, no function calls.
hubspot.extend<'crm.record.sidebar'>(({ context }) => <KeyAccountSidebarCard context={context} />);
