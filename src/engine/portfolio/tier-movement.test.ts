import type { PropertyHistoryEntry } from '../hubspot/gateway';
import { scoreAt, tierAt, tierMovement, type CompanyHistory } from './tier-movement';

const FROM = new Date('2026-01-01T00:00:00.000Z');
const TO = new Date('2026-04-01T00:00:00.000Z');

/** Entries newest first, as HubSpot answers. */
const entries = (...pairs: [string, string | null][]): PropertyHistoryEntry[] =>
  pairs.map(([timestamp, value]) => ({ timestamp, value })).reverse();

describe('tierAt / scoreAt', () => {
  test('no history means no tier and no score', () => {
    expect(tierAt(undefined, TO)).toBe('none');
    expect(tierAt([], TO)).toBe('none');
    expect(scoreAt(undefined, TO)).toBeNull();
  });

  test('one entry counts from its timestamp on, inclusive', () => {
    const tiers = entries(['2026-02-01T00:00:00.000Z', 'key']);
    expect(tierAt(tiers, FROM)).toBe('none');
    expect(tierAt(tiers, new Date('2026-02-01T00:00:00.000Z'))).toBe('key');
    expect(tierAt(tiers, TO)).toBe('key');
  });

  test('many entries: the newest at or before the date wins, whatever their order', () => {
    const tiers = entries(
      ['2025-10-01T00:00:00.000Z', 'regular'],
      ['2025-12-31T23:59:59.999Z', 'important'],
      ['2026-01-01T00:00:00.001Z', 'key'],
      ['2026-05-01T00:00:00.000Z', 'regular'],
    );
    expect(tierAt(tiers, FROM)).toBe('important');
    expect(tierAt(tiers, TO)).toBe('key');
    expect(tierAt([...tiers].reverse(), TO)).toBe('key');
    const scores = entries(['2025-10-01T00:00:00.000Z', '40'], ['2026-03-01T00:00:00.000Z', '82.5']);
    expect(scoreAt(scores, FROM)).toBe(40);
    expect(scoreAt(scores, TO)).toBe(82.5);
  });

  test('a cleared value or an unknown tier reads as none', () => {
    expect(tierAt(entries(['2025-10-01T00:00:00.000Z', 'key'], ['2025-11-01T00:00:00.000Z', '']), FROM)).toBe(
      'none',
    );
    expect(tierAt(entries(['2025-10-01T00:00:00.000Z', 'platinum']), FROM)).toBe('none');
  });
});

describe('tierMovement', () => {
  const company = (
    id: string,
    name: string,
    tiers: [string, string][],
    scores: [string, string][] = [],
  ): CompanyHistory => ({
    id,
    name,
    history: { kam_tier: entries(...tiers), kam_score: entries(...scores) },
  });

  test('counts from → to transitions and lists the companies that moved with both scores', () => {
    const movement = tierMovement(
      [
        company('1', 'Steady', [['2025-06-01T00:00:00Z', 'key']], [['2025-06-01T00:00:00Z', '80']]),
        company(
          '2',
          'Climber',
          [
            ['2025-06-01T00:00:00Z', 'regular'],
            ['2026-02-01T00:00:00Z', 'key'],
          ],
          [
            ['2025-06-01T00:00:00Z', '30'],
            ['2026-02-01T00:00:00Z', '77'],
          ],
        ),
        company(
          '3',
          'Faller',
          [
            ['2025-06-01T00:00:00Z', 'key'],
            ['2026-03-01T00:00:00Z', 'important'],
          ],
          [
            ['2025-06-01T00:00:00Z', '75'],
            ['2026-03-01T00:00:00Z', '60'],
          ],
        ),
        // created (first scored) after --from
        company('4', 'Newcomer', [['2026-02-15T00:00:00Z', 'important']], [['2026-02-15T00:00:00Z', '55']]),
        // never scored
        { id: '5', name: 'Blank', history: {} },
      ],
      FROM,
      TO,
    );
    expect(movement).toMatchObject({ from: FROM.toISOString(), to: TO.toISOString(), companies: 5 });
    expect(movement.matrix.key.key).toBe(1);
    expect(movement.matrix.regular.key).toBe(1);
    expect(movement.matrix.key.important).toBe(1);
    expect(movement.matrix.none.important).toBe(1);
    expect(movement.matrix.none.none).toBe(1);
    const total = Object.values(movement.matrix)
      .flatMap((row) => Object.values(row))
      .reduce((sum, count) => sum + count, 0);
    expect(total).toBe(5);
    expect(movement.moved).toEqual([
      { id: '2', name: 'Climber', fromTier: 'regular', toTier: 'key', fromScore: 30, toScore: 77 },
      { id: '3', name: 'Faller', fromTier: 'key', toTier: 'important', fromScore: 75, toScore: 60 },
      { id: '4', name: 'Newcomer', fromTier: 'none', toTier: 'important', fromScore: null, toScore: 55 },
    ]);
  });

  test('needs from before to', () => {
    expect(() => tierMovement([], TO, FROM)).toThrow(RangeError);
    expect(() => tierMovement([], FROM, FROM)).toThrow(RangeError);
  });
});
