import fc from 'fast-check';
import { isoTime, isoYear } from './time';

test('isoTime writes exactly what Date#toISOString writes', () => {
  const from = Date.parse('2015-01-01T00:00:00.000Z');
  const to = Date.parse('2035-01-01T00:00:00.000Z');
  fc.assert(
    fc.property(fc.integer({ min: from, max: to }), (ms) => {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }),
    { numRuns: 2_000 },
  );
});

test.each(['2025-03-04T10:00:00.000Z', '2024-02-29T23:59:59.999Z', '1970-01-01T00:00:00.000Z'])(
  'isoTime round-trips %s',
  (iso) => {
    expect(isoTime(Date.parse(iso))).toBe(iso);
  },
);

test.each(['2025-03-04T10:00:00.000Z', '2024-12-31T23:59:59.999Z', '2021-01-01T00:00:00.000Z'])(
  'isoYear gives the UTC year of %s',
  (iso) => {
    expect(isoYear(Date.parse(iso))).toBe(iso.slice(0, 4));
  },
);
