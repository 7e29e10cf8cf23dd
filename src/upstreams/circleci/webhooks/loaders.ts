import type DataLoader from 'dataloader';
import type { UpstreamSession } from '../../http/UpstreamSession.js';
import { connectionFromList, type Connection, type ConnectionArgs } from '../../../relay/connection.js';
import { keyLoader } from '../../loaderUtils.js';
import { toMessage } from '../contexts/mappers.js';
import { WebhooksClient, type WebhookFields } from './client.js';
import { toWebhook } from './mappers.js';
import type { CircleCiWebhookModel } from './models.js';

/** One request's access to CircleCI webhooks. */
export class WebhookLoaders {
  readonly client: WebhooksClient;
  readonly webhook: DataLoader<string, CircleCiWebhookModel>;

  constructor(session: UpstreamSession) {
    const client = new WebhooksClient(session);
    this.client = client;
    this.webhook = keyLoader(async (id) => toWebhook(await client.getWebhookById(id)));
  }

  /** A scope's webhooks; CircleCI answers them all at once. */
  async webhooksOf(scopeId: string, scopeType: string, args: ConnectionArgs): Promise<Connection<CircleCiWebhookModel>> {
    const webhooks = ((await this.client.getWebhooks(scopeId, scopeType)).items ?? []).map(toWebhook);
    for (const webhook of webhooks) this.webhook.prime(webhook.id, webhook);
    return connectionFromList(args, webhooks);
  }

  async create(fields: WebhookFields, scope: { id: string; type: string }): Promise<CircleCiWebhookModel> {
    const webhook = toWebhook(await this.client.createWebhook(fields, scope));
    this.webhook.clear(webhook.id).prime(webhook.id, webhook);
    return webhook;
  }

  async update(id: string, fields: WebhookFields): Promise<CircleCiWebhookModel> {
    const webhook = toWebhook(await this.client.updateWebhook(id, fields));
    this.webhook.clear(id).prime(id, webhook);
    return webhook;
  }

  async delete(id: string): Promise<string> {
    const message = toMessage(await this.client.deleteWebhook(id));
    this.webhook.clear(id);
    return message;
  }
}
