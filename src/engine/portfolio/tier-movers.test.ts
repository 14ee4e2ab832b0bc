import { parsePortfolioRows } from './portfolio-row';
import { createRow } from './test-utils/rows';
import { tierMovers } from './tier-movers';

const now = new Date('2026-03-15T00:00:00Z');
const since = new Date('2026-01-01T00:00:00Z');

test('lists tier changes since the date, newest first, with their direction', () => {
  const rows = [
    createRow({
      id: '1',
      kam_tier: 'key',
      kam_tier_previous: 'important',
      kam_tier_changed_at: '2026-02-10T09:00:00Z',
      kam_tier_direction: 'up',
    }),
    createRow({
      id: '2',
      kam_tier: 'regular',
      kam_tier_previous: 'key',
      kam_tier_changed_at: '2026-03-01T09:00:00Z',
    }),
    createRow({
      id: '3',
      kam_tier: 'important',
      kam_tier_previous: 'regular',
      kam_tier_changed_at: '2025-12-31T23:59:59Z',
    }),
    createRow({
      id: '4',
      kam_tier: 'important',
      kam_tier_previous: 'important',
      kam_tier_changed_at: '2026-02-01T00:00:00Z',
    }),
  ];
  const movers = tierMovers(parsePortfolioRows(rows).companies, since, now);
  expect(movers.moves.map((move) => [move.id, move.from, move.to, move.direction])).toEqual([
    ['2', 'key', 'regular', 'down'],
    ['1', 'important', 'key', 'up'],
  ]);
  expect(movers).toMatchObject({ up: 1, down: 1, transitions: { 'key→regular': 1, 'important→key': 1 } });
  expect(movers.byMonth).toEqual([
    { month: '2026-01', up: 0, down: 0 },
    { month: '2026-02', up: 1, down: 0 },
    { month: '2026-03', up: 0, down: 1 },
  ]);
});
