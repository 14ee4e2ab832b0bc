import { hubspot, useExtensionContext } from '@hubspot/ui-extensions';
import { PageBreadcrumbs, PageRoutes, PageTitle, createPageRouter } from '@hubspot/ui-extensions/pages';
import { chooseFunctionRunner } from '@keystone/shared';
import { PortfolioPage } from './components/PortfolioPage';
import { KEYSTONE_SERVE_URL } from './transport-config';

// Keystone is called through hubspot.serverless (app functions, 2026.03), or hubspot.fetch to kam
// serve when the build's profile sets KEYSTONE_SERVE_URL; injected so tests can pass a spy.
const runFunction = chooseFunctionRunner(KEYSTONE_SERVE_URL, {
  serverless: hubspot.serverless,
  fetch: hubspot.fetch,
  recordId: undefined,
});

function PortfolioHome() {
  const context = useExtensionContext<'pages'>();
  return (
    <>
      <PageBreadcrumbs>
        <PageBreadcrumbs.Current>Key-account portfolio</PageBreadcrumbs.Current>
      </PageBreadcrumbs>
      <PageTitle>Key-account portfolio</PageTitle>
      <PortfolioPage portalId={context.portal.id} runFunction={runFunction} />
    </>
  );
}

const PortfolioRouter = createPageRouter(
  <PageRoutes>
    <PageRoutes.IndexRoute component={PortfolioHome} />
  </PageRoutes>,
);

hubspot.extend<'pages'>(() => <PortfolioRouter />);
