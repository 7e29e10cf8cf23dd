import { badUserInput } from '../../errors/GatewayError.js';
import { isJsonObject } from '../../http/isJsonObject.js';
import type { FlexStackIntegrationType, FlexStackNotificationFlagsInput, FlexStackSort } from '../../generated/graphql.js';
import { flexStackIconPattern, flexStackMaxMembersPerAdd, isFlexStackId } from '../../upstreams/flexstack/ids.js';
import type { FlexStackSort as WireSort } from '../../upstreams/flexstack/loaders.js';
import type { WireNotificationFlags } from '../../upstreams/flexstack/wire.js';
import { urlOrNull } from '../urlOrNull.js';

/** Throws BAD_USER_INPUT unless `value` is a FlexStack id (22 base58, a UUID or 32 hex). */
export function assertId(value: string, field: string): void {
  if (!isFlexStackId(value)) {
    throw badUserInput(`"${value.slice(0, 80)}" is not a FlexStack id`, [{ field, message: 'must be 22 base58 characters, a UUID or 32 hex digits' }]);
  }
}

/** Throws BAD_USER_INPUT unless `value` is a FlexStack project icon. */
export function assertIcon(value: string | null | undefined, field: string): void {
  if (value != null && !flexStackIconPattern.test(value)) {
    throw badUserInput(`"${value.slice(0, 80)}" is not a FlexStack icon`, [{ field, message: `must match ${flexStackIconPattern.source}` }]);
  }
}

/** Throws BAD_USER_INPUT unless `value` is a non-blank name. */
export function assertName(value: string | null | undefined, field: string): void {
  if (value != null && value.trim() === '') throw badUserInput('A project name cannot be blank', [{ field, message: 'must not be blank' }]);
}

/** Throws BAD_USER_INPUT when an update would remove the name (null; left out keeps it). */
export function assertNameKept(value: string | null | undefined, field: string): asserts value is string | undefined {
  if (value === null) throw badUserInput('A project name cannot be removed', [{ field, message: 'must not be null' }]);
}

/** Throws BAD_USER_INPUT unless the integration to create is a webhook, the only kind FlexStack creates over its API. */
export function assertWebhookType(type: FlexStackIntegrationType, field: string): void {
  if (type !== 'WEBHOOK') throw badUserInput(`FlexStack creates webhook integrations only, not ${type}`, [{ field, message: 'must be WEBHOOK' }]);
}

/** Checks the ids of one add-members call: 1 to 100, each a FlexStack id. */
export function assertMemberIds(ids: readonly string[], field: string): void {
  if (ids.length < 1 || ids.length > flexStackMaxMembersPerAdd) {
    throw badUserInput(`Give 1 to ${flexStackMaxMembersPerAdd} member ids, not ${ids.length}`, [
      { field, message: `must hold between 1 and ${flexStackMaxMembersPerAdd} ids` },
    ]);
  }
  ids.forEach((id, index) => assertId(id, `${field}.${index}`));
}

/** A webhook integration's config: an object with an http(s) `url`. */
export function assertWebhookConfig(config: unknown, field: string): Record<string, unknown> {
  const record = isJsonObject(config) ? config : null;
  const url = record?.['url'];
  const protocol = typeof url === 'string' ? urlOrNull(url)?.protocol : undefined;
  if (record === null || (protocol !== 'http:' && protocol !== 'https:')) throw badUserInput('A webhook config needs an http(s) url', [{ field: `${field}.url`, message: 'must be an http(s) URL' }]);
  return record;
}

/** FlexStack's sort value for the GraphQL one. */
export function sortOf(sort: FlexStackSort | null | undefined): WireSort | null {
  if (sort == null) return null;
  return sort === 'CREATED_AT_ASC' ? '+created_at' : '-created_at';
}

/** The flags input as FlexStack's body: only the flags given. */
export function flagsOf(input: FlexStackNotificationFlagsInput | null | undefined): WireNotificationFlags {
  const flags: { -readonly [K in keyof WireNotificationFlags]: WireNotificationFlags[K] } = {};
  if (input == null) return flags;
  const pairs: [keyof WireNotificationFlags, boolean | null | undefined][] = [
    ['deployments_failed', input.deploymentsFailed],
    ['deployments_in_progress', input.deploymentsInProgress],
    ['deployments_succeeded', input.deploymentsSucceeded],
    ['changelog', input.changelog],
    ['promotions', input.promotions],
    ['services_alarm', input.servicesAlarm],
    ['services_ok', input.servicesOk],
  ];
  for (const [key, value] of pairs) if (value != null) flags[key] = value;
  return flags;
}
