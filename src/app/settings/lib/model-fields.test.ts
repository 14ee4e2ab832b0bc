import { DEFAULT_SCORING_MODEL } from '@keystone/shared';
import { MODEL_FIELDS, SECTIONS, fieldsOf } from './model-fields';

/** Leaf paths of a model: numbers, strings and lists (a list is edited as one field). */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe('the settings field catalogue', () => {
  test('covers exactly the fields of the scoring model, each once', () => {
    const paths = MODEL_FIELDS.map((descriptor) => descriptor.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect([...paths].sort()).toEqual(leafPaths(DEFAULT_SCORING_MODEL).sort());
  });

  test.each(MODEL_FIELDS.map((descriptor) => [descriptor.path, descriptor] as const))(
    '%s has a label and a meaning in English and Russian',
    (_path, descriptor) => {
      for (const text of [
        descriptor.label.en,
        descriptor.label.ru,
        descriptor.meaning.en,
        descriptor.meaning.ru,
      ]) {
        expect(text.trim().length).toBeGreaterThan(1);
      }
    },
  );

  test('every section has fields and every field a section', () => {
    for (const section of SECTIONS) expect(fieldsOf(section).length).toBeGreaterThan(0);
    expect(SECTIONS.flatMap(fieldsOf)).toHaveLength(MODEL_FIELDS.length);
  });
});
