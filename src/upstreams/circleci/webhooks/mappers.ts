import { bool, obj, str, strList } from '../../decode.js';
import type { CircleCiWebhookModel } from './models.js';
import type { WireWebhook } from './wire.js';

/**
 * Hides a signing secret: CircleCI may send it back in full, and the gateway
 * never passes it on. Short secrets are hidden entirely.
 */
export function maskSecret(secret: string | null): string | null {
  if (secret === null || secret === '') return null;
  if (/^\*+$/.test(secret)) return secret;
  return secret.length >= 12 ? `****${secret.slice(-4)}` : '****';
}

/** Maps a webhook from any webhook endpoint. */
export function toWebhook(wire: WireWebhook): CircleCiWebhookModel {
  const scope = obj(wire.scope);
  return {
    __typename: 'CircleCIWebhook',
    id: str(wire.id) ?? '',
    name: str(wire.name) ?? '',
    url: str(wire.url) ?? '',
    events: strList(wire.events),
    verifyTls: bool(wire['verify-tls']) ?? true,
    signingSecretHint: maskSecret(str(wire['signing-secret'])),
    scopeId: str(scope?.['id']) ?? '',
    scopeType: str(scope?.['type']) ?? 'project',
    createdAt: str(wire['created-at']),
    updatedAt: str(wire['updated-at']),
  };
}
