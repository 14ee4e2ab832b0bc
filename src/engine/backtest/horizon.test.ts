import { addMonths, parseHorizon } from './horizon';

test.each([
  ['12m', 12],
  ['6M', 6],
  ['1y', 12],
  [' 2y ', 24],
])('reads %s as %i months', (text, months) => {
  expect(parseHorizon(text)).toEqual({ ok: true, value: { months } });
});

test.each(['', '0m', '12', '90d', '121m', 'a year'])('rejects "%s" naming the field', (text) => {
  const result = parseHorizon(text);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.issues[0]!.path).toBe('horizon');
});

test('moves whole calendar months and clamps to the last day of a shorter month', () => {
  expect(addMonths(new Date('2025-06-30T00:00:00Z'), 12).toISOString()).toBe('2026-06-30T00:00:00.000Z');
  expect(addMonths(new Date('2025-03-31T12:00:00Z'), -1).toISOString()).toBe('2025-02-28T12:00:00.000Z');
});
