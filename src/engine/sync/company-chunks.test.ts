import type { CrmGateway } from '../hubspot/gateway';
import type { CompanyChunks, ListedChunk } from './company-chunks';
import { companyChunks, readAhead } from './company-chunks';

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

/** A portal of `count` companies behind just the two gateway calls chunking uses. */
function fakeGateway(count: number): CrmGateway {
  const ids = Array.from({ length: count }, (_, index) => String(index + 1));
  const record = (id: string) => ({ id, properties: {} });
  return {
    listPage: async (_type: string, _properties: readonly string[], after?: string) => {
      const start = after === undefined ? 0 : Number(after);
      const end = Math.min(count, start + 100);
      return { results: ids.slice(start, end).map(record), after: end < count ? String(end) : undefined };
    },
    batchRead: async (_type: string, wanted: readonly string[]) => ({
      records: wanted.filter((id) => Number(id) <= count).map(record),
      missing: wanted.filter((id) => Number(id) > count),
    }),
  } as unknown as CrmGateway;
}

async function chunkSizes(chunks: CompanyChunks): Promise<number[]> {
  const sizes: number[] = [];
  await readAhead(chunks, async ({ raw }) => {
    sizes.push(raw.length);
  });
  return sizes;
}

describe('companyChunks', () => {
  const base = { chunkSize: 1000, alreadyRead: new Set<string>(), checkAborted: () => undefined };

  test.each([
    { companies: 1000, first: 300, sizes: [300, 700] },
    { companies: 2500, first: 300, sizes: [300, 1000, 1000, 200] },
    { companies: 250, first: 300, sizes: [250] },
    { companies: 1000, first: undefined, sizes: [1000] },
    { companies: 1000, first: 5000, sizes: [1000] },
  ])(
    'whole portfolio of $companies, first chunk $first: chunks of $sizes',
    async ({ companies, first, sizes }) => {
      const chunks = await companyChunks(
        fakeGateway(companies),
        { kind: 'all' },
        { ...base, firstChunkSize: first },
      );
      expect(await chunkSizes(chunks)).toEqual(sizes);
    },
  );

  test('an id list is chunked the same way, skipping ids a resumed run already read', async () => {
    const ids = Array.from({ length: 1500 }, (_, index) => String(index + 1));
    const chunks = await companyChunks(
      fakeGateway(2000),
      { kind: 'ids', ids },
      { ...base, firstChunkSize: 300, alreadyRead: new Set(ids.slice(0, 100)) },
    );
    expect(chunks.total).toBe(1400);
    expect(await chunkSizes(chunks)).toEqual([300, 1000, 100]);
  });
});
