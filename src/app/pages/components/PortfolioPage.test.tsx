import {
  Accordion,
  Alert,
  Button,
  DateInput,
  EmptyState,
  ErrorState,
  Link,
  LoadingSpinner,
  StatisticsItem,
  Table,
  TableCell,
  Text,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import {
  EMPTY_PORTFOLIO,
  PORTFOLIO,
  createPortfolio,
  largePortfolio,
  runnerAnswering,
} from '../test-utils/fixtures';
import { runnerFor, textContent } from '@keystone/shared/test-utils';
import { PortfolioPage } from './PortfolioPage';

const NOW = new Date('2026-03-15T10:00:00Z');
const PORTAL = 4_410_000;

async function renderLoaded(runner: ReturnType<typeof runnerAnswering>) {
  const renderer = createRenderer('pages');
  renderer.render(<PortfolioPage portalId={PORTAL} runFunction={runnerFor(runner, undefined)} now={NOW} />);
  await renderer.waitFor(() => expect(renderer.maybeFindByTestId(LoadingSpinner, 'kam-loading')).toBeNull());
  return renderer;
}

describe('PortfolioPage', () => {
  test('shows a spinner until the function answers', () => {
    const renderer = createRenderer('pages');
    renderer.render(
      <PortfolioPage
        portalId={PORTAL}
        runFunction={runnerFor(() => new Promise(() => undefined), undefined)}
        now={NOW}
      />,
    );
    expect(renderer.findByTestId(LoadingSpinner, 'kam-loading').props.label).toBe('Reading the portfolio…');
  });

  test('asks the function for movers of the last 90 days and shows every section', async () => {
    const runner = runnerAnswering({ ok: true, data: PORTFOLIO });
    const { findAll, findByTestId } = await renderLoaded(runner);

    expect(runner.calls).toEqual([
      { name: 'keystone_portfolio_analysis', parameters: { moversSince: '2025-12-15', listLimit: 25 } },
    ]);
    expect(findAll(StatisticsItem).map((item) => [item.props.label, item.props.number])).toEqual(
      expect.arrayContaining([
        ['Scored companies', '6'],
        ['Key accounts', '2'],
        ['Key accounts at risk', '1'],
        ['Revenue held by class A', '80.0%'],
        ['Revenue of the top 20%', '70.0%'],
      ]),
    );
    expect(textContent(findByTestId(TableCell, 'kam-kaism-key_account'))).toBe('Key account: 2');
    expect(textContent(findByTestId(TableCell, 'kam-kaism-opportunistic'))).toBe('Opportunistic: 2');
    expect(textContent(findByTestId(TableCell, 'kam-strategy-weak-weak'))).toBe('Withdraw: 1');
    expect(textContent(findByTestId(TableCell, 'kam-strategy-strong-strong'))).toBe('Protect ties: 2');
    expect(textContent(findByTestId(Text, 'kam-movers-counts'))).toBe(
      '1 moved up, 1 moved down since 2025-12-15.',
    );
    expect(textContent(findByTestId(Table, 'kam-movers-table'))).toContain('Important → Key');
  });

  test('shows how many key places are held and who waits just below the line', async () => {
    const waiting = {
      id: '77',
      name: 'Next in Line Ltd',
      score: 71.2,
      tier: 'important' as const,
      wonRevenueLast12Months: 90_000,
    };
    const data = createPortfolio({
      tierPlaces: {
        key: { places: 40, used: 38, belowLineCount: 3, belowLine: [waiting] },
        important: { places: 150, used: 120, belowLineCount: 0, belowLine: [] },
      },
    });
    const { findByTestId } = await renderLoaded(runnerAnswering({ ok: true, data }));
    expect(textContent(findByTestId(Text, 'kam-places-key'))).toBe('Key accounts: 38 of 40 places');
    expect(textContent(findByTestId(Text, 'kam-places-important'))).toBe(
      'Important accounts: 120 of 150 places',
    );
    expect(textContent(findByTestId(Text, 'kam-below-line-count'))).toBe(
      '3 companies pass the key threshold but rank below the line; the best of them:',
    );
    const table = textContent(findByTestId(Table, 'kam-below-line-table'));
    expect(table).toContain('Next in Line Ltd');
    expect(table).toContain('71.2');
  });

  test('leaves the places out for an answer from a function deployed before tier capacity', async () => {
    const { maybeFindByTestId } = await renderLoaded(runnerAnswering({ ok: true, data: PORTFOLIO }));
    expect(maybeFindByTestId(Text, 'kam-places-key')).toBeNull();
  });

  test('shows plan coverage and buying-centre gaps of the key accounts', async () => {
    const { findByTestId } = await renderLoaded(runnerAnswering({ ok: true, data: PORTFOLIO }));
    expect(textContent(findByTestId(TableCell, 'kam-plan-none'))).toBe('No plan: 1');
    expect(textContent(findByTestId(TableCell, 'kam-plan-current'))).toBe('Plan current: 1');
    expect(textContent(findByTestId(Table, 'kam-plan-table'))).toContain('Company 2');
    expect(textContent(findByTestId(Text, 'kam-gaps-summary'))).toBe(
      '1 of 2 key accounts show a gap in their organisation map.',
    );
    expect(textContent(findByTestId(Table, 'kam-gap-table'))).toContain(
      'No decision maker contacted in 180 days',
    );
  });

  test('an answer from a function deployed before plan coverage and gaps still renders, without those panels', async () => {
    const older = createPortfolio({ plans: undefined, buyingCentre: undefined });
    const { findByTestId, maybeFindByTestId } = await renderLoaded(
      runnerAnswering({ ok: true, data: older }),
    );
    expect(textContent(findByTestId(TableCell, 'kam-kaism-key_account'))).toBe('Key account: 2');
    expect(maybeFindByTestId(Table, 'kam-plan-counts')).toBeNull();
    expect(maybeFindByTestId(Text, 'kam-gaps-summary')).toBeNull();
  });

  test('lists key accounts at risk with their signals and links every company to its record', async () => {
    const { findAll, findByTestId } = await renderLoaded(runnerAnswering({ ok: true, data: PORTFOLIO }));
    const atRisk = textContent(findByTestId(Table, 'kam-at-risk-table'));
    expect(atRisk).toContain('Critical · stage 3');
    expect(atRisk).toContain('Won revenue fell 60% against the previous 12 months.');
    expect(atRisk).toContain('−60.0%');
    const link = findAll(Link).find((candidate) => candidate.text === 'Company 1');
    expect(link?.props.href).toEqual({ url: '/contacts/4410000/record/0-2/1', external: false });
  });

  test('an empty portfolio shows how to get scores instead of empty tables', async () => {
    const { findByTestId, maybeFindByTestId } = await renderLoaded(
      runnerAnswering({
        ok: true,
        data: { ...EMPTY_PORTFOLIO, totals: { ...EMPTY_PORTFOLIO.totals, unscored: 12 } },
      }),
    );
    const empty = findByTestId(EmptyState, 'kam-empty');
    expect(empty.props.title).toBe('No scored companies yet');
    expect(textContent(empty)).toContain('12 companies are waiting to be scored.');
    expect(maybeFindByTestId(Table, 'kam-kaism-matrix')).toBeNull();
  });

  test('a large portfolio shows whole counts with lists cut to the page limit', async () => {
    const { findAll, findByTestId } = await renderLoaded(
      runnerAnswering({ ok: true, data: largePortfolio(48_000) }),
    );
    expect(textContent(findByTestId(TableCell, 'kam-kaism-key_account'))).toBe('Key account: 12,000');
    const keyAccounts = findByTestId(Accordion, 'kam-kaism-list-key_account');
    expect(keyAccounts.props.title).toBe('Key account (12,000)');
    expect(keyAccounts.findAll(Link)).toHaveLength(25);
    expect(textContent(keyAccounts)).toContain('Showing the 25 highest scores of 12,000.');
    expect(findByTestId(Table, 'kam-at-risk-table').findAll(Link)).toHaveLength(25);
    expect(findAll(Text).some((text) => textContent(text) === 'Showing the 25 most urgent of 480.')).toBe(
      true,
    );
    expect(textContent(findByTestId(Text, 'kam-unreadable'))).toBe(
      '3 stored values could not be read and were left out.',
    );
  });

  test('says when the function could read only part of a very large portfolio', async () => {
    const { findByTestId } = await renderLoaded(
      runnerAnswering({ ok: true, data: largePortfolio(30_000, 25, 9_800) }),
    );
    expect(textContent(findByTestId(Alert, 'kam-partial-read'))).toContain('the first 9,800 of 30,000');
  });

  test.each([
    [
      'the function answered an error',
      { ok: false, error: { code: 'auth.unauthorized', message: 'HTTP 401' } },
      'HTTP 401 (auth.unauthorized)',
    ],
    [
      'HubSpot could not run the function',
      new Error('Serverless function timed out'),
      'Serverless function timed out (function.failed)',
    ],
    ['the answer has an unknown shape', { ok: true, data: { v: 2 } }, '(function.unexpected_response)'],
  ])('shows an error state with a retry when %s', async (_label, answer, message) => {
    const runner = runnerAnswering(answer, { ok: true, data: PORTFOLIO });
    const { findByTestId, maybeFindByTestId, waitFor } = await renderLoaded(runner);
    const error = findByTestId(ErrorState, 'kam-error');
    expect(textContent(error)).toContain(message);

    findByTestId(Button, 'kam-retry').trigger('onClick');
    await waitFor(() => expect(maybeFindByTestId(Table, 'kam-kaism-matrix')).not.toBeNull());
    expect(runner.calls).toHaveLength(2);
  });

  test('asks again for movers since the date the user picks', async () => {
    const runner = runnerAnswering({ ok: true, data: PORTFOLIO });
    const { findByTestId, waitFor } = await renderLoaded(runner);
    findByTestId(DateInput, 'kam-movers-since').trigger('onChange', {
      year: 2026,
      month: 0,
      date: 1,
    } as never);
    await waitFor(() => expect(runner.calls).toHaveLength(2));
    expect(runner.calls[1]?.parameters).toEqual({ moversSince: '2026-01-01', listLimit: 25 });
  });
});
