/**
 * The HTML report in a real browser: headless Chromium (Debian package `chromium`) opens the file
 * `kam report` wrote, and the charts must draw without a console error or a network request.
 * Report and screenshot are written to a temporary directory; to keep the screenshot for people to
 * look at, name a directory in KAM_SCREENSHOT_DIR (`KAM_SCREENSHOT_DIR=out npx jest tests/browser`).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import * as report from '../../cli/commands/report';
import { runCli } from '../../cli/program';
import { captureIo } from '../support/cli';
import { generatePortfolio } from '../../emulator/generator';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// CI installs the browser (`apt-get install -y chromium`); elsewhere the check runs when it is there.
const describeInBrowser = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;

describeInBrowser('the HTML report in headless Chromium (Debian package chromium)', () => {
  let browser: Browser;
  let workDir: string;
  let reportFile: string;
  let screenshot: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'kam-browser-'));
    const snapshot = join(workDir, 'portfolio.json');
    writeFileSync(
      snapshot,
      JSON.stringify(
        generatePortfolio({ companies: 600, seed: 3, now: new Date('2026-03-01T00:00:00Z') }).snapshot,
      ),
    );
    reportFile = join(workDir, 'report.html');
    const keepDir = process.env.KAM_SCREENSHOT_DIR;
    if (keepDir) mkdirSync(resolve(keepDir), { recursive: true });
    screenshot = join(keepDir ? resolve(keepDir) : workDir, 'report.png');
    const io = captureIo();
    const code = await runCli(['report', '--snapshot', snapshot, '--out', reportFile], io, [report]);
    expect({ code, err: io.stderr }).toEqual({ code: 0, err: [] });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  test('draws every chart with no console error and no network request, and saves a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });

    await page.goto(pathToFileURL(reportFile).href);
    await page.waitForSelector('html[data-charts-ready="4"]', { timeout: 20_000 });

    const charts = await page.$$eval('.chart', (elements) =>
      elements.map((element) => {
        const canvas = element.querySelector('canvas');
        if (!canvas) return { id: element.id, width: 0, height: 0, painted: 0 };
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        let painted = 0;
        for (let index = 3; index < pixels.length; index += 4) if ((pixels[index] ?? 0) > 0) painted += 1;
        return { id: element.id, width: canvas.width, height: canvas.height, painted };
      }),
    );
    expect(charts.map((chart) => chart.id)).toEqual([
      'chart-kaism',
      'chart-pareto',
      'chart-volume',
      'chart-movers',
    ]);
    for (const chart of charts) {
      expect({ id: chart.id, drawn: chart.width > 0 && chart.height > 0 && chart.painted > 500 }).toEqual({
        id: chart.id,
        drawn: true,
      });
    }
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(statSync(screenshot).size).toBeGreaterThan(50_000);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
