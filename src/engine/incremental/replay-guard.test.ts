import { createMemoryReplayGuard } from './replay-guard';

describe('createMemoryReplayGuard', () => {
  test('flags a key seen inside its window, not the first time', () => {
    const guard = createMemoryReplayGuard({ ttlMs: 1_000, maxEntries: 10 });
    expect(guard.seen('a', 0)).toBe(false);
    expect(guard.seen('a', 999)).toBe(true);
    expect(guard.seen('b', 999)).toBe(false);
  });

  test('forgets a key once its window has passed', () => {
    const guard = createMemoryReplayGuard({ ttlMs: 1_000, maxEntries: 10 });
    guard.seen('a', 0);
    expect(guard.seen('a', 1_000)).toBe(false);
    expect(guard.seen('a', 1_500)).toBe(true);
  });

  test('keeps at most maxEntries keys, evicting the oldest', () => {
    const guard = createMemoryReplayGuard({ ttlMs: 60_000, maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd']) guard.seen(key, 0);
    expect(guard.seen('a', 1)).toBe(false);
    expect(guard.seen('d', 1)).toBe(true);
  });
});
