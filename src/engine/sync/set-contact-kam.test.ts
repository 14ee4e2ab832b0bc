import { contactKamChanges, type ContactKamValues } from './set-contact-kam';

const stored: ContactKamValues = { influence: 'high', attitude: null, career: 'steady' };

describe('contactKamChanges', () => {
  test.each([
    ['a new value', { attitude: 'sponsor' as const }, [{ field: 'attitude', from: null, to: 'sponsor' }]],
    ['a clear', { career: null }, [{ field: 'career', from: 'steady', to: null }]],
    ['the value already stored', { influence: 'high' as const }, []],
    ['clearing an empty value', { attitude: null }, []],
    ['a field left out', {}, []],
  ])('%s', (_label, update, expected) => {
    expect(contactKamChanges(stored, update).map(({ field, from, to }) => ({ field, from, to }))).toEqual(
      expected,
    );
  });

  test('names the contact property of each change, in the order influence, attitude, career', () => {
    expect(
      contactKamChanges(stored, { career: 'rising_star', attitude: 'critic', influence: 'low' }).map(
        (change) => change.property,
      ),
    ).toEqual(['kam_influence', 'kam_attitude', 'kam_career']);
  });
});
