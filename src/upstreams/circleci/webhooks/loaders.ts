import type DataLoader from 'dataloader';
import { connectionFromList, type Connection, type ConnectionArgs } from '../../../relay/connection.js';
import { keyLoader } from '../../loaderUtils.js';
import type { CircleCiApi } from '../api.js';
import { toMessage } from '../contexts/mappers.js';
import { toWebhook } from './mappers.js';
import type { CircleCiWebhookModel } from './models.js';

/** A webhook's settings in CircleCI's own (kebab-case) terms. */
export interface WebhookFields {
  readonly name?: string | undefined;
  readonly url?: string | undefined;
  readonly events?: readonly string[] | undefined;
  readonly 'verify-tls'?: boolean | undefined;
  readonly 'signing-secret'?: string | undefined;
}

/** One request's access to CircleCI outbound webhooks. */
export class WebhookLoaders {
  readonly webhook: DataLoader<string, CircleCiWebhookModel>;

  constructor(private readonly api: CircleCiApi) {
    this.webhook = keyLoader('circleci.webhook', async (id) => toWebhook((await api.getWebhookById({ path: { 'webhook-id': id } })).body));
  }

  /** A scope's webhooks; CircleCI answers them all at once (it sends a page token but takes none). */
  async webhooksOf(scopeId: string, scopeType: string, args: ConnectionArgs): Promise<Connection<CircleCiWebhookModel>> {
    const webhooks = ((await this.api.getWebhooks({ query: { 'scope-id': scopeId, 'scope-type': scopeType } })).body.items ?? []).map(toWebhook);
    for (const webhook of webhooks) this.webhook.prime(webhook.id, webhook);
    return connectionFromList(args, webhooks);
  }

  async create(fields: WebhookFields, scope: { id: string; type: string }): Promise<CircleCiWebhookModel> {
    const webhook = toWebhook((await this.api.createWebhook({ body: { ...fields, scope } })).body);
    this.webhook.clear(webhook.id).prime(webhook.id, webhook);
    return webhook;
  }

  async update(id: string, fields: WebhookFields): Promise<CircleCiWebhookModel> {
    const webhook = toWebhook((await this.api.updateWebhook({ path: { 'webhook-id': id }, body: fields })).body);
    this.webhook.clear(id).prime(id, webhook);
    return webhook;
  }

  async delete(id: string): Promise<string> {
    const message = toMessage((await this.api.deleteWebhook({ path: { 'webhook-id': id } })).body);
    this.webhook.clear(id);
    return message;
  }
}
