import { badUserInput } from '../../../errors/GatewayError.js';
import type { CircleCiWebhookEvent } from '../../../generated/graphql.js';
import type { WebhookFields } from '../../../upstreams/circleci/webhooks/loaders.js';
import { urlOrNull } from '../../urlOrNull.js';
import { assertText } from '../shared/validation.js';

/** CircleCI delivers only to https URLs. */
export function assertWebhookUrl(value: string): string {
  const url = urlOrNull(value);
  if (url === null || url.protocol !== 'https:' || url.hostname === '' || value.length > 2048) {
    throw badUserInput('url must be an absolute https URL', [{ field: 'url', message: 'not an https URL' }]);
  }
  return value;
}

/** A non-empty list of distinct events, in CircleCI's names. */
export function assertWebhookEvents(events: readonly CircleCiWebhookEvent[]): string[] {
  if (events.length === 0) throw badUserInput('events must name at least one event', [{ field: 'events', message: 'empty' }]);
  if (new Set(events).size !== events.length) throw badUserInput('events must not repeat', [{ field: 'events', message: 'duplicates' }]);
  return events.map((event) => event.toLowerCase().replace(/_/g, '-'));
}

/** A signing secret of 1 to 1024 characters. */
export function assertSigningSecret(value: string): string {
  if (value.length < 1 || value.length > 1024) throw badUserInput('signingSecret must be 1 to 1024 characters', [{ field: 'signingSecret', message: 'invalid length' }]);
  return value;
}

/** The fields of an update that were given, checked. */
export function assertWebhookUpdate(input: {
  name?: string | null | undefined;
  url?: string | null | undefined;
  events?: readonly CircleCiWebhookEvent[] | null | undefined;
  verifyTls?: boolean | null | undefined;
  signingSecret?: string | null | undefined;
}): WebhookFields {
  const fields: Record<string, unknown> = {};
  if (input.name != null) fields['name'] = assertText(input.name, 'name', 255);
  if (input.url != null) fields['url'] = assertWebhookUrl(input.url);
  if (input.events != null) fields['events'] = assertWebhookEvents(input.events);
  if (input.verifyTls != null) fields['verify-tls'] = input.verifyTls;
  if (input.signingSecret != null) fields['signing-secret'] = assertSigningSecret(input.signingSecret);
  if (Object.keys(fields).length === 0) throw badUserInput('Give at least one field to change', [{ field: 'input', message: 'nothing to change' }]);
  return fields as WebhookFields;
}
