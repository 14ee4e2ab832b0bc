/**
 * The companies of a run in chunks, and the loop that reads them ahead: the next chunk's
 * companies are listed while the current chunk's associations and records are read. Listing the
 * whole portfolio is a chain of cursor pages (each waits for the one before), and overlapping it
 * with the record reads keeps the rate budget busy to the end of the read phase.
 */
import type { CrmGateway, CrmObject } from '../hubspot/gateway';
import { chunk } from '../util/pool';
import type { SyncScope } from './checkpoint';
import { findCompaniesChangedSince } from './changed-since';
import { listCompanyPage, readCompaniesById } from './read-portfolio';

/** One chunk's company records; `after` is the portfolio cursor past it (null for id lists). */
export type ListedChunk = { raw: CrmObject[]; after: string | null; done: boolean };

export type CompanyChunks = {
  /** Companies to read, when known up front (an id list); null for the whole portfolio. */
  total: number | null;
  /** False when there is nothing to read at all. */
  isEmpty: boolean;
  /** Lists chunk `index`; call in order, each once. */
  list: (index: number) => Promise<ListedChunk>;
  /** Requested ids HubSpot does not know, filled in as chunks are listed. */
  unknownIds: string[];
};

export type ChunkOptions = {
  chunkSize: number;
  /**
   * The first chunk's size (at most `chunkSize`). HubSpot's window is rolling, so the second
   * window's requests may go only as the first window's age out: a small first chunk starts the
   * association and record reads while the listing goes on, which moves those grants early.
   */
  firstChunkSize?: number;
  /** The cursor to continue from when resuming a whole-portfolio run. */
  resumeAfter?: string;
  /** Companies a resumed run already read. */
  alreadyRead: ReadonlySet<string>;
  checkAborted: () => void;
};

/** The chunks of a run's scope: the whole portfolio by cursor pages, or ids (given or changed since) by batch reads. */
export async function companyChunks(
  gateway: CrmGateway,
  scope: SyncScope,
  options: ChunkOptions,
): Promise<CompanyChunks> {
  const unknownIds: string[] = [];
  const sizeOf = (index: number) =>
    index === 0
      ? Math.min(options.chunkSize, options.firstChunkSize ?? options.chunkSize)
      : options.chunkSize;
  if (scope.kind === 'all') {
    let cursor = options.resumeAfter;
    return {
      total: null,
      isEmpty: false,
      unknownIds,
      list: async (index) => {
        const raw: CrmObject[] = [];
        do {
          options.checkAborted();
          const page = await listCompanyPage(gateway, cursor);
          raw.push(...page.companies);
          cursor = page.after;
        } while (cursor && raw.length < sizeOf(index));
        return { raw, after: cursor ?? null, done: !cursor };
      },
    };
  }
  const ids =
    scope.kind === 'ids' ? scope.ids : await findCompaniesChangedSince(gateway, new Date(scope.since));
  const toRead = ids.filter((id) => !options.alreadyRead.has(id));
  const first = sizeOf(0);
  const chunks = [toRead.slice(0, first), ...chunk(toRead.slice(first), options.chunkSize)].filter(
    (ids) => ids.length > 0,
  );
  return {
    total: toRead.length,
    isEmpty: chunks.length === 0,
    unknownIds,
    list: async (index) => {
      options.checkAborted();
      const { companies: raw, missing } = await readCompaniesById(gateway, chunks[index] as string[]);
      unknownIds.push(...missing);
      return { raw, after: null, done: index === chunks.length - 1 };
    },
  };
}

/**
 * Lists chunk after chunk, one ahead of `absorb`, which gets them in order (so a journal stays in
 * order too). A listing that fails while a chunk is being absorbed surfaces when it is awaited.
 */
export async function readAhead(
  chunks: CompanyChunks,
  absorb: (listed: ListedChunk) => Promise<void>,
): Promise<void> {
  if (chunks.isEmpty) return;
  const ahead = (index: number) => {
    const listing = chunks.list(index);
    listing.catch(() => undefined); // awaited in the loop; must not count as unhandled meanwhile
    return listing;
  };
  let next = ahead(0);
  for (let index = 0; ; index += 1) {
    const listed = await next;
    if (!listed.done) next = ahead(index + 1);
    await absorb(listed);
    if (listed.done) return;
  }
}
