import type { Connection, ConnectionArgs, Edge, UpstreamPage } from './connection.js';
import { forwardPageInfo, forwardPageSize } from './connection.js';
import { decodeOpaque, encodeOpaque, invalidCursor } from './cursor.js';

/** One source of a merged connection: a service's own pages, in its own stable order. */
export interface MergeSource<T> {
  /** A short stable name, kept in cursors (e.g. the service name). */
  readonly name: string;
  /** Reads one native page from a token (null for the first), with a size hint. */
  fetchPage(token: string | null, size: number): Promise<UpstreamPage<T>>;
}

/** Where a source stands: the native page token and how many items of that page were consumed. */
interface SourcePosition {
  readonly token: string | null;
  readonly index: number;
  readonly done: boolean;
}

/** A merged cursor: each source's position and whose turn is next. */
interface MergedPosition {
  readonly positions: Readonly<Record<string, SourcePosition>>;
  readonly turn: number;
}

/** A source that failed while filling a page. */
export interface SourceFailure {
  readonly source: string;
  readonly error: unknown;
}

/** A connection over several sources, with the sources that failed for this page. */
export interface MergedConnection<T> extends Connection<T> {
  /** Sources that failed for this page; their edges are missing, their position is unchanged. */
  readonly failures: readonly SourceFailure[];
}

function readPosition(cursor: string, names: readonly string[]): MergedPosition {
  const value = decodeOpaque(cursor) as { p?: unknown; t?: unknown } | null;
  const raw = value?.p;
  if (raw === null || typeof raw !== 'object' || !Number.isInteger(value?.t)) {
    throw invalidCursor(cursor);
  }
  const positions: Record<string, SourcePosition> = {};
  for (const name of names) {
    const entry = (raw as Record<string, unknown>)[name];
    if (entry === undefined) {
      positions[name] = { token: null, index: 0, done: false };
      continue;
    }
    if (!Array.isArray(entry) || entry.length !== 3 || !(entry[0] === null || typeof entry[0] === 'string') || !Number.isInteger(entry[1]) || typeof entry[2] !== 'boolean') {
      throw invalidCursor(cursor);
    }
    positions[name] = { token: entry[0] as string | null, index: entry[1] as number, done: entry[2] as boolean };
  }
  return { positions, turn: value?.t as number };
}

function writePosition(position: MergedPosition): string {
  const p: Record<string, [string | null, number, boolean]> = {};
  for (const [name, at] of Object.entries(position.positions)) p[name] = [at.token, at.index, at.done];
  return encodeOpaque({ p, t: position.turn });
}

/**
 * Reads one source's items lazily from a position: one native page at a
 * time, only when the merge needs its next item.
 */
class SourceReader<T> {
  private buffer: { node: T; after: SourcePosition }[] = [];
  private token: string | null;
  private skip: number;
  private ended: boolean;
  private rounds = 0;

  constructor(
    private readonly source: MergeSource<T>,
    from: SourcePosition,
    private readonly sizeHint: number,
  ) {
    this.token = from.token;
    this.skip = from.index;
    this.ended = from.done;
  }

  /** Whether the source may have more after what has been read. */
  get exhausted(): boolean {
    return this.ended && this.buffer.length === 0;
  }

  /** The next item, or null when the source has run out. */
  async next(): Promise<{ node: T; after: SourcePosition } | null> {
    // Bounded: a source whose pages are all empty cannot hold the page forever.
    while (this.buffer.length === 0 && !this.ended && this.rounds < 20) {
      this.rounds++;
      await this.fill();
    }
    return this.buffer.shift() ?? null;
  }

  /** Reads the next native page into the buffer. */
  async fill(): Promise<void> {
    const token = this.token;
    const page = await this.source.fetchPage(token, Math.max(this.sizeHint + this.skip, 1));
    const end = page.next === null || page.next === token;
    for (let index = this.skip; index < page.items.length; index++) {
      const last = index === page.items.length - 1;
      const after: SourcePosition = !last
        ? { token, index: index + 1, done: false }
        : end
          ? { token, index: index + 1, done: true }
          : { token: page.next, index: 0, done: false };
      this.buffer.push({ node: page.items[index] as T, after });
    }
    this.ended = end;
    this.token = page.next;
    this.skip = 0;
  }
}

/**
 * A forward connection over several sources at once, in one stable order:
 * the sources take turns, one item each, in the order given, skipping those
 * that have run out. The cursor holds every source's native position and
 * whose turn is next, so paging never reads a list whole and the order does
 * not depend on the page size. A source that fails costs its own edges for
 * this page (reported in `failures`); the others fill the page.
 */
export async function mergedConnection<T>(args: ConnectionArgs, sources: readonly MergeSource<T>[]): Promise<MergedConnection<T>> {
  const first = forwardPageSize(args);
  const names = sources.map((source) => source.name);
  const start: MergedPosition =
    args.after != null
      ? readPosition(args.after, names)
      : { positions: Object.fromEntries(names.map((name) => [name, { token: null, index: 0, done: false }])), turn: 0 };
  const share = Math.ceil(first / Math.max(sources.length, 1));
  const readers = sources.map((source) => new SourceReader(source, start.positions[source.name] ?? { token: null, index: 0, done: false }, share));
  const failures: SourceFailure[] = [];
  const failed = new Set<number>();
  const attempt = async (index: number, work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      failed.add(index);
      failures.push({ source: names[index] as string, error });
    }
  };

  // The first page of every source is read at once; later pages only on demand.
  if (first > 0) await Promise.all(readers.map((reader, index) => (reader.exhausted ? undefined : attempt(index, () => reader.fill()))));

  const positions: Record<string, SourcePosition> = { ...start.positions };
  const edges: Edge<T>[] = [];
  let turn = sources.length === 0 ? 0 : start.turn % sources.length;
  while (edges.length < first) {
    let item: { node: T; after: SourcePosition } | null = null;
    let picked = -1;
    for (let step = 0; step < sources.length && item === null; step++) {
      const candidate = (turn + step) % sources.length;
      const reader = readers[candidate] as SourceReader<T>;
      if (failed.has(candidate) || reader.exhausted) continue;
      await attempt(candidate, async () => {
        item = await reader.next();
      });
      if (item !== null) picked = candidate;
    }
    if (item === null) break;
    const taken = item as { node: T; after: SourcePosition };
    positions[names[picked] as string] = taken.after;
    turn = (picked + 1) % sources.length;
    edges.push({ node: taken.node, cursor: writePosition({ positions: { ...positions }, turn }) });
  }

  // More remains when a source failed or has not run out.
  const hasNextPage = readers.some((reader, index) => failed.has(index) || !reader.exhausted);

  return {
    edges,
    pageInfo: forwardPageInfo(edges, hasNextPage, args.after != null),
    failures,
  };
}
