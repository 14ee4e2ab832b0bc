/**
 * Keystone's judgement on portfolios of several shapes (issue #16), printed as the README table.
 *
 *   npm run bench:judgement [-- --companies 400 --seeds 42,7,11] [--by-day]
 *
 * A second table breaks the quiet month's writes down by what made each company count as changed
 * (its first kind of change, `CHANGE_KINDS` in daily-runs.ts); `--by-day` adds each day's counts.
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
const byDay = process.argv.includes('--by-day');
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
const judged: ShapeFigures[] = [];
const seedOf: number[] = [];
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
    judged.push(f);
    seedOf.push(seed);
    const q = f.quadrants;
    rows.push(
      `| ${shape} | ${seed} | ${percent(f.topFifthRevenueShare)} | ${f.key} (${f.keyPlaces}) | ${percent(f.keyShare)} | ${fixed(f.spearmanScoreRevenue)} | ${q.key_account} / ${q.key_development} / ${q.maintenance} / ${q.opportunistic} | ${f.loyalSmall.maintenance} of ${f.loyalSmall.total} | ${fixed(f.backtest.riskLevelDeclineAuc, 3)} | ${percent(f.quiet.firstDayWriteShare)} | ${percent(f.quiet.meanDailyWriteShare)} (${percent(f.quiet.maxDailyWriteShare)}); ${percent(f.quiet.shareOfWritesWithStateChange)} | ${percent(f.active.meanDailyWriteShare)}; ${percent(f.active.shareOfWritesWithActivityOrLevelChange)} |`,
    );
    console.error(`${shape} seed ${seed}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
console.log(`${companies} companies each, scored ${NOW.toISOString().slice(0, 10)} with the default model\n`);
console.log(rows.join('\n'));

// the quiet month by kind: mean share of companies a day (most companies on one day), first kind only
const kinds = judged[0]!.quiet.byKind.map((k) => k.kind);
const genuine = (f: ShapeFigures) =>
  f.quiet.byKind
    .filter((k) => k.kind === 'tier' || k.kind === 'risk level')
    .reduce((n, k) => n + k.writes, 0);
const total = (f: ShapeFigures) => f.quiet.byKind.reduce((n, k) => n + k.writes, 0);
const cell = (writes: number, f: ShapeFigures, max: number | null) =>
  `${percent(writes / f.quiet.days.length / f.companies)}${max === null ? '' : ` (${max})`}`;
const byKind: string[] = [
  `| quiet month, written for | ${judged.map((f, i) => `${f.shape} ${seedOf[i]}`).join(' | ')} |`,
  `| --- | ${judged.map(() => '---').join(' | ')} |`,
];
for (const kind of kinds) {
  if (judged.every((f) => f.quiet.byKind.find((k) => k.kind === kind)!.writesCarrying === 0)) continue;
  byKind.push(
    `| ${kind} | ${judged
      .map((f) => {
        const k = f.quiet.byKind.find((figures) => figures.kind === kind)!;
        if (k.writes === 0) return `— (in ${k.writesCarrying})`;
        return `${cell(k.writes, f, k.maxDaily)}${k.returns > 0 ? `; ${k.returns} of ${k.writes} back` : ''}`;
      })
      .join(' | ')} |`,
  );
}
byKind.push(`| all writes | ${judged.map((f) => cell(total(f), f, null)).join(' | ')} |`);
byKind.push(
  `| of which tier or risk level | ${judged.map((f) => `${cell(genuine(f), f, null)}; ${percent(total(f) === 0 ? 0 : genuine(f) / total(f))} of writes`).join(' | ')} |`,
);
byKind.push(
  `| all but tier or risk level | ${judged.map((f) => cell(total(f) - genuine(f), f, null)).join(' | ')} |`,
);
console.log(
  '\nQuiet month, what made a company count as changed: mean share of companies a day (most on one day), each write under its first kind; "k of n back": writes that returned a state the company held earlier in the month (a flip-flop); "— (in n)": never first, carried by n writes\n',
);
console.log(byKind.join('\n'));
if (byDay) {
  for (const [i, f] of judged.entries()) {
    console.log(`\n${f.shape} ${seedOf[i]}, quiet month by day (companies written: kinds)`);
    for (const day of f.quiet.days) {
      const parts = Object.entries(day.byKind).map(([kind, count]) => `${kind} ${count}`);
      console.log(
        `day ${String(day.day).padStart(2)}: ${String(day.written).padStart(3)}  ${parts.join(', ')}`,
      );
    }
  }
}
