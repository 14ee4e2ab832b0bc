/**
 * Time bounds for a sync's calls under HubSpot's rolling window (bench/sync.bench.ts).
 *
 * `rateBound` is issue #4's yardstick: every call may start at once, only the window limits.
 * `dependentBound` also keeps the order a sync cannot avoid: company pages come one after another
 * (each needs the cursor of the one before), a chunk's association reads need its company ids,
 * its record reads need the associations, and the writes need every company scored. It models
 * an ideal client with the minimal calls, unlimited concurrency and no server time, so no real
 * client can beat it; on a small portfolio it is well above `rateBound`.
 */

export type WindowLimit = { maxCalls: number; windowMs: number; latencyMs: number };

/** Seconds a rolling window needs for `calls` calls started as early as it allows, plus one round trip. */
export function rateBound(calls: number, limit: WindowLimit): number {
  return (Math.floor(Math.max(0, calls - 1) / limit.maxCalls) * limit.windowMs + limit.latencyMs) / 1000;
}

/** One chunk of companies: its company pages, then association reads, then record reads. */
export type ChunkCalls = { pages: number; associationReads: number; recordReads: number };

/** A sync's calls: chunks in listing order, then the writes. */
export type SyncCalls = { chunks: readonly ChunkCalls[]; writes: number };

/**
 * The minimal calls of a whole-portfolio sync in chunks of `chunkSize` companies (one
 * association read per type per chunk), with the record reads spread over the chunks by their
 * companies and summing to `recordReads`.
 */
export function minimalSyncCalls(input: {
  companies: number;
  associatedTypes: number;
  recordReads: number;
  writes: number;
  chunkSize?: number;
  pageSize?: number;
}): SyncCalls {
  const chunkSize = input.chunkSize ?? 1000;
  const pageSize = input.pageSize ?? 100;
  const chunks: ChunkCalls[] = [];
  let recordsGiven = 0;
  for (let start = 0; start < input.companies; start += chunkSize) {
    const end = Math.min(input.companies, start + chunkSize);
    const recordsSoFar = Math.round((input.recordReads * end) / input.companies);
    chunks.push({
      pages: Math.ceil((end - start) / pageSize),
      associationReads: input.associatedTypes,
      recordReads: recordsSoFar - recordsGiven,
    });
    recordsGiven = recordsSoFar;
  }
  return { chunks, writes: input.writes };
}

type Call = { ready: number; kind: 'page' | 'association' | 'record' | 'write'; chunk: number; page: number };

/**
 * Seconds an ideal client needs for `calls` with their dependencies: each call goes as soon as
 * it is ready and the window has room (first ready, first sent), and answers `latencyMs` later.
 */
export function dependentBound(calls: SyncCalls, limit: WindowLimit): number {
  const { chunks } = calls;
  if (chunks.length === 0) return rateBound(calls.writes, limit);
  const queue: Call[] = [];
  const sends: number[] = [];
  const left = chunks.map((chunk) => ({ associations: chunk.associationReads, records: chunk.recordReads }));
  let chunksLeft = chunks.length;
  let readsDoneAt = 0;
  let doneAt = 0;
  const enqueue = (count: number, call: Call) => {
    for (let index = 0; index < count; index += 1) queue.push({ ...call });
  };
  // a chunk's steps, each starting when the one before has answered (skipping steps without calls)
  const recordsFrom = (chunk: number, at: number): void => {
    if (chunks[chunk]!.recordReads > 0)
      enqueue(chunks[chunk]!.recordReads, { ready: at, kind: 'record', chunk, page: 0 });
    else chunkRead(at);
  };
  const associationsFrom = (chunk: number, at: number): void => {
    if (chunks[chunk]!.associationReads > 0)
      enqueue(chunks[chunk]!.associationReads, { ready: at, kind: 'association', chunk, page: 0 });
    else recordsFrom(chunk, at);
  };
  const chunkRead = (at: number): void => {
    readsDoneAt = Math.max(readsDoneAt, at);
    chunksLeft -= 1;
    if (chunksLeft > 0) return;
    if (calls.writes === 0) doneAt = readsDoneAt;
    enqueue(calls.writes, { ready: readsDoneAt, kind: 'write', chunk: 0, page: 0 });
  };

  queue.push({ ready: 0, kind: 'page', chunk: 0, page: 0 });
  while (queue.length > 0) {
    let first = 0;
    for (let index = 1; index < queue.length; index += 1)
      if (queue[index]!.ready < queue[first]!.ready) first = index;
    const call = queue.splice(first, 1)[0]!;
    // sends never go back in time, and the call `maxCalls` sends back must have left the window
    let at = Math.max(call.ready, sends.at(-1) ?? 0);
    const blocking = sends[sends.length - limit.maxCalls];
    if (blocking !== undefined) at = Math.max(at, blocking + limit.windowMs);
    sends.push(at);
    const answered = at + limit.latencyMs;
    if (call.kind === 'page') {
      const lastPage = call.page + 1 === chunks[call.chunk]!.pages;
      if (!lastPage) queue.push({ ready: answered, kind: 'page', chunk: call.chunk, page: call.page + 1 });
      else if (call.chunk + 1 < chunks.length)
        queue.push({ ready: answered, kind: 'page', chunk: call.chunk + 1, page: 0 });
      if (lastPage) associationsFrom(call.chunk, answered);
    } else if (call.kind === 'association') {
      // sends are in time order, so the last answer of a step is its latest
      if (--left[call.chunk]!.associations === 0) recordsFrom(call.chunk, answered);
    } else if (call.kind === 'record') {
      if (--left[call.chunk]!.records === 0) chunkRead(answered);
    } else {
      doneAt = Math.max(doneAt, answered);
    }
  }
  return doneAt / 1000;
}
