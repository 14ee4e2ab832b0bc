import type { CompanyChunks, ListedChunk } from './company-chunks';
import { readAhead } from './company-chunks';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Chunks whose listing is logged, so a test sees what overlapped what. */
function fakeChunks(count: number, log: string[], failAt?: number): CompanyChunks {
  return {
    total: null,
    isEmpty: count === 0,
    unknownIds: [],
    list: async (index): Promise<ListedChunk> => {
      log.push(`list ${index} start`);
      await tick();
      if (index === failAt) throw new Error(`listing ${index} failed`);
      log.push(`list ${index} end`);
      return { raw: [], after: `after-${index}`, done: index === count - 1 };
    },
  };
}

describe('readAhead', () => {
  test('lists the next chunk while the current one is absorbed, and absorbs in order', async () => {
    const log: string[] = [];
    await readAhead(fakeChunks(3, log), async (listed) => {
      log.push(`absorb ${listed.after} start`);
      await tick();
      await tick();
      log.push(`absorb ${listed.after} end`);
    });
    expect(log.filter((line) => line.startsWith('absorb'))).toEqual([
      'absorb after-0 start',
      'absorb after-0 end',
      'absorb after-1 start',
      'absorb after-1 end',
      'absorb after-2 start',
      'absorb after-2 end',
    ]);
    // chunk 1 was listed while chunk 0 was being absorbed
    expect(log.indexOf('list 1 end')).toBeLessThan(log.indexOf('absorb after-0 end'));
    expect(log).not.toContain('list 3 start');
  });

  test('a listing that fails while a chunk is absorbed surfaces after that chunk, not as an unhandled rejection', async () => {
    const absorbed: (string | null)[] = [];
    await expect(
      readAhead(fakeChunks(3, [], 1), async (listed) => {
        await tick();
        await tick();
        absorbed.push(listed.after);
      }),
    ).rejects.toThrow('listing 1 failed');
    expect(absorbed).toEqual(['after-0']);
  });

  test('nothing to read: nothing listed, nothing absorbed', async () => {
    const log: string[] = [];
    const absorb = jest.fn(async () => undefined);
    await readAhead(fakeChunks(0, log), absorb);
    expect(log).toEqual([]);
    expect(absorb).not.toHaveBeenCalled();
  });
});
