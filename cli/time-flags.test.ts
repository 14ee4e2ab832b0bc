import { parseTimeFlag } from './time-flags';

describe('parseTimeFlag', () => {
  test.each([
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T09:30:00.000Z', '2026-11-01T09:30:00.000Z'],
    ['2026-11-01T09:30Z', '2026-11-01T09:30:00.000Z'],
    ['2026-11-01T10:30:00+01:00', '2026-11-01T09:30:00.000Z'],
    [' 2024-02-29 ', '2024-02-29T00:00:00.000Z'],
  ])('reads %j as %s', (value, iso) => {
    expect(parseTimeFlag('--now', value).toISOString()).toBe(iso);
  });

  test.each([
    '',
    'yesterday',
    '5',
    'March 3',
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-11-01T25:00Z',
    '01/11/2026',
  ])('refuses %j, naming the flag', (value) => {
    expect(() => parseTimeFlag('--since', value)).toThrow(
      expect.objectContaining({
        code: 'input.invalid',
        message: expect.stringContaining('--since must be an ISO date or time'),
      }),
    );
  });
});
