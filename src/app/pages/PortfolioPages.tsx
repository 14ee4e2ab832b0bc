import { hubspot, useExtensionContext } from '@hubspot/ui-extensions';
import { PageBreadcrumbs, PageRoutes, PageTitle, createPageRouter } from '@hubspot/ui-extensions/pages';
import { PortfolioPage } from './components/PortfolioPage';
import type { FunctionRunner } from '@keystone/shared';

// App functions are called through hubspot.serverless (2026.03), injected so tests can pass a spy.
const runFunction: FunctionRunner = (name, options) => hubspot.serverless(name, options);

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
