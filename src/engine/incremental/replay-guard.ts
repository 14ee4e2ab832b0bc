/**
 * Best-effort replay rejection for a stateless host. HubSpot gives app functions no shared store,
 * so what is possible is layered:
 *
 * 1. The v3 timestamp window (5 minutes) bounds how long a captured request stays usable.
 * 2. This guard remembers the signatures it accepted while the function instance is warm and
 *    rejects an identical request inside the window. HubSpot's own retries are re-signed with a
 *    new timestamp, so they are never mistaken for replays. Another cold instance does not share
 *    the memory: a replay that lands there is let through.
 * 3. Processing is idempotent (rescore from current CRM data, write only changed values), so a
 *    replay that gets through costs API calls and writes nothing.
 */
export interface ReplayGuard {
  /** True when `key` was seen within its window (a replay); otherwise records it and returns false. */
  seen(key: string, nowMs: number): boolean;
}

export type MemoryReplayGuardOptions = {
  /** How long a key is remembered: the signature window plus the allowed clock skew. */
  ttlMs: number;
  /** Upper bound on remembered keys, so a flood cannot exhaust the 128 MB function memory. */
  maxEntries: number;
};

/** An in-process {@link ReplayGuard}: insertion-ordered map, expired and oldest keys evicted first. */
export function createMemoryReplayGuard({ ttlMs, maxEntries }: MemoryReplayGuardOptions): ReplayGuard {
  const expiresAtByKey = new Map<string, number>();
  return {
    seen(key, nowMs) {
      for (const [oldKey, expiresAt] of expiresAtByKey) {
        if (expiresAt > nowMs) break;
        expiresAtByKey.delete(oldKey);
      }
      const expiresAt = expiresAtByKey.get(key);
      if (expiresAt !== undefined && expiresAt > nowMs) return true;
      expiresAtByKey.delete(key);
      expiresAtByKey.set(key, nowMs + ttlMs);
      while (expiresAtByKey.size > maxEntries) {
        const oldest = expiresAtByKey.keys().next();
        if (oldest.done) break;
        expiresAtByKey.delete(oldest.value);
      }
      return false;
    },
  };
}
