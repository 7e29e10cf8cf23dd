import { badUserInput } from '../../../errors/GatewayError.js';
import { assertUuid } from '../shared/validation.js';

const dayMs = 86_400_000;

/** CircleCI's limits: start within the last year, end after start and at most 31 days after it. */
export function assertExportRange(start: string, end: string, now = Date.now()): void {
  const from = Date.parse(start);
  const to = Date.parse(end);
  if (to < from) throw badUserInput('end must not be before start', [{ field: 'end', message: 'before start' }]);
  if (to - from > 31 * dayMs) throw badUserInput('end must be no more than 31 days after start', [{ field: 'end', message: 'range over 31 days' }]);
  if (from < now - 365 * dayMs) throw badUserInput('start must be no more than one year ago', [{ field: 'start', message: 'over a year ago' }]);
}

/** Shared organization ids, each a UUID. */
export function assertSharedOrgIds(ids: readonly string[] | null | undefined): readonly string[] | undefined {
  return ids == null ? undefined : ids.map((id) => assertUuid(id, 'sharedOrgIds'));
}
