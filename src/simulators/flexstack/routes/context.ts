import { SimError, type SimRequest } from '../../core/Simulator.js';
import { isFlexStackId } from '../../../upstreams/flexstack/ids.js';
import type { FlexStackStore, SimKey, SimProject } from '../store.js';
import { pageFrom } from '../../core/paging.js';

/** FlexStack's error code for each status it answers with. */
export const codeForStatus: Readonly<Record<number, string>> = {
  400: 'bad_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  409: 'conflict',
  429: 'rate',
  500: 'internal',
  501: 'not_implemented',
};

/** A FlexStack error: `{ code, message, cause? }` with the code's status. */
export function flexError(status: number, message: string, cause?: string): SimError {
  return new SimError(status, message, cause === undefined ? undefined : { cause });
}

/** The API key a request carries in `x-api-key`. */
export function keyOf(req: SimRequest): string | undefined {
  const key = req.headers['x-api-key']?.trim();
  return key === undefined || key === '' ? undefined : key;
}

/** The key of a request (auth has already passed). */
export function apiKey(store: FlexStackStore, req: SimRequest): SimKey {
  const key = store.keyOf(keyOf(req) ?? '');
  if (key === undefined) throw flexError(401, 'missing or invalid API key');
  return key;
}

/** A path id, checked against FlexStack's id patterns. */
export function idParam(req: SimRequest, name: string): string {
  const value = req.params[name] ?? '';
  if (!isFlexStackId(value)) throw flexError(400, `invalid ${name}`, `${name} must match the id pattern`);
  return value;
}

/** A project the key may see, else not_found. */
export function projectOf(store: FlexStackStore, req: SimRequest): SimProject {
  const id = idParam(req, 'id');
  const key = apiKey(store, req);
  const project = store.projects.find((candidate) => candidate.id === id);
  if (project === undefined || !key.orgIds.includes(project.orgId)) throw flexError(404, 'project not found');
  return project;
}

const cursorPrefix = Buffer.from([0xfb, 0xff]);

/** A `next_page` cursor: standard base64, so it holds `+`, `/` and `=` as FlexStack's do. */
export function cursorFor(offset: number): string {
  return Buffer.concat([cursorPrefix, Buffer.from(`o:${offset}`)]).toString('base64');
}

function offsetOf(cursor: string | null): number {
  if (cursor === null) return 0;
  if (!/^[\w+/=-]+$/.test(cursor)) throw flexError(400, 'invalid cursor', 'after must match ^[\\w-+/=]+$');
  const bytes = Buffer.from(cursor, 'base64');
  const match = /^o:(\d+)$/.exec(bytes.subarray(2).toString('utf8'));
  if (!bytes.subarray(0, 2).equals(cursorPrefix) || match === null) throw flexError(400, 'invalid cursor');
  return Number(match[1]);
}

/** One page of a list as `{ data, has_more, next_page }`, after checking limit, after and sort. */
export function listPage<T extends { createdAt: string }>(req: SimRequest, items: readonly T[], map: (item: T) => unknown): { status: number; body: unknown } {
  const rawLimit = req.query.get('limit');
  const limit = rawLimit === null ? 20 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 240) throw flexError(400, 'invalid limit', 'limit must be between 1 and 240');
  const sort = req.query.get('sort') ?? 'created_at';
  if (!['created_at', '+created_at', '-created_at'].includes(sort)) throw flexError(400, 'invalid sort', 'sort must be one of created_at, -created_at, +created_at');
  const sorted = [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (sort === '-created_at') sorted.reverse();
  const offset = offsetOf(req.query.get('after'));
  const page = pageFrom(sorted, offset, limit);
  const next = page.nextOffset;
  return { status: 200, body: { data: page.items.map(map), has_more: next !== null, next_page: next === null ? '' : cursorFor(next) } };
}
