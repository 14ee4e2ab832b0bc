/**
 * Keystone's judgement on portfolios of several shapes (issue #16), printed as the README table.
 *
 *   npm run bench:judgement [-- --companies 400 --seeds 42,7,11]
 */
import { PORTFOLIO_SHAPES } from '../emulator/generator';
import { DEFAULT_SCORING_MODEL } from '../src/engine/settings';
import { judgePortfolio, type ShapeFigures } from './portfolio-judgement';

const NOW = new Date('2026-11-01T00:00:00.000Z');

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const companies = Number(flag('--companies', '400'));
const seeds = flag('--seeds', '42').split(',').map(Number);
if (!Number.isInteger(companies) || companies < 30 || seeds.some((seed) => !Number.isSafeInteger(seed))) {
  console.error('--companies takes a whole number ≥ 30, --seeds a comma-separated list of integers');
  process.exit(2);
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const fixed = (value: number | null, digits = 2) => (value === null ? '—' : value.toFixed(digits));

const rows: string[] = [
  '| shape | seed | top 20% hold | key (places) | key share | Spearman(score, 12-month revenue) | KAISM key acc. / key dev. / maint. / opport. | loyal small in maintenance | risk-level decline AUC | a quiet day: companies written | quiet month: writes a day, mean (max); with a state change | active month: writes a day; with activity or level change |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];
for (const seed of seeds) {
  for (const shape of PORTFOLIO_SHAPES) {
    const started = Date.now();
    const f: ShapeFigures = judgePortfolio({
      shape,
      companies,
      seed,
      now: NOW,
      model: DEFAULT_SCORING_MODEL,
    });
    const q = f.quadrants;
    rows.push(
      `| ${shape} | ${seed} | ${percent(f.topFifthRevenueShare)} | ${f.key} (${f.keyPlaces}) | ${percent(f.keyShare)} | ${fixed(f.spearmanScoreRevenue)} | ${q.key_account} / ${q.key_development} / ${q.maintenance} / ${q.opportunistic} | ${f.loyalSmall.maintenance} of ${f.loyalSmall.total} | ${fixed(f.backtest.riskLevelDeclineAuc, 3)} | ${percent(f.quiet.firstDayWriteShare)} | ${percent(f.quiet.meanDailyWriteShare)} (${percent(f.quiet.maxDailyWriteShare)}); ${percent(f.quiet.shareOfWritesWithStateChange)} | ${percent(f.active.meanDailyWriteShare)}; ${percent(f.active.shareOfWritesWithActivityOrLevelChange)} |`,
    );
    console.error(`${shape} seed ${seed}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
console.log(`${companies} companies each, scored ${NOW.toISOString().slice(0, 10)} with the default model\n`);
console.log(rows.join('\n'));
