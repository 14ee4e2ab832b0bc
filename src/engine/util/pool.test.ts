import { chunk, mapPool } from './pool';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('mapPool', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapPool([5, 1, 4, 2, 3], 2, async (value) => {
      running += 1;
      peak = Math.max(peak, running);
      for (let i = 0; i < value; i += 1) await tick();
      running -= 1;
      return value * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it('after a failure starts nothing new and settles only when the tasks in flight have', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = mapPool([0, 1, 2, 3, 4, 5], 3, async (value) => {
      started.push(value);
      if (value === 1) {
        await tick();
        throw new Error('batch 1 failed');
      }
      for (let i = 0; i < 5; i += 1) await tick();
      finished.push(value);
      return value;
    });
    await expect(run).rejects.toThrow('batch 1 failed');
    // 0 and 2 were in flight when 1 failed: both landed before the error surfaced; 3+ never began
    expect(started).toEqual([0, 1, 2]);
    expect(finished.sort()).toEqual([0, 2]);
  });

  it('runs nothing for no items', async () => {
    const task = jest.fn(async () => 1);
    await expect(mapPool([], 4, task)).resolves.toEqual([]);
    expect(task).not.toHaveBeenCalled();
  });
});

describe('chunk', () => {
  it.each([
    [[1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]]],
    [[1, 2], 5, [[1, 2]]],
    [[], 3, []],
  ])('chunk(%j, %i) = %j', (items, size, expected) => {
    expect(chunk(items, size)).toEqual(expected);
  });
});
