import fc from 'fast-check';
import { compareIds } from './id-order';

test('ids sort as numbers where they are numbers', () => {
  expect(['10', '9', '100', '1', 'a2', 'a10'].sort(compareIds)).toEqual(['1', '9', '10', '100', 'a2', 'a10']);
});

test('the same order as localeCompare with the same locale and options', () => {
  const id = fc.oneof(fc.nat().map(String), fc.string({ maxLength: 12 }));
  fc.assert(
    fc.property(id, id, (a, b) => {
      expect(Math.sign(compareIds(a, b))).toBe(Math.sign(a.localeCompare(b, 'en', { numeric: true })));
    }),
  );
});
