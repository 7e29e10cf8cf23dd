import type { UpstreamSession } from '../../http/UpstreamSession.js';
import type { WirePage } from '../wire.js';
import type { WireMessage } from '../contexts/wire.js';
import type { WireWebhook } from './wire.js';

const seg = encodeURIComponent;

/** A webhook's settings in CircleCI's own (kebab-case) terms. */
export interface WebhookFields {
  readonly name?: string | undefined;
  readonly url?: string | undefined;
  readonly events?: readonly string[] | undefined;
  readonly 'verify-tls'?: boolean | undefined;
  readonly 'signing-secret'?: string | undefined;
}

/** CircleCI outbound webhooks. */
export class WebhooksClient {
  constructor(private readonly session: UpstreamSession) {}

  async createWebhook(fields: WebhookFields, scope: { id: string; type: string }): Promise<WireWebhook> {
    return (await this.session.send<WireWebhook>({ method: 'POST', path: '/webhook', body: { ...fields, scope }, route: '/webhook' })).body;
  }

  /** Every webhook of a scope in one answer: the endpoint sends a page token but takes none. */
  async getWebhooks(scopeId: string, scopeType: string): Promise<WirePage<WireWebhook>> {
    return (await this.session.get<WirePage<WireWebhook>>('/webhook', { 'scope-id': scopeId, 'scope-type': scopeType }, '/webhook')).body;
  }

  async getWebhookById(id: string): Promise<WireWebhook> {
    return (await this.session.get<WireWebhook>(`/webhook/${seg(id)}`, undefined, '/webhook/{webhook-id}')).body;
  }

  async updateWebhook(id: string, fields: WebhookFields): Promise<WireWebhook> {
    return (await this.session.send<WireWebhook>({ method: 'PUT', path: `/webhook/${seg(id)}`, body: fields, route: '/webhook/{webhook-id}' })).body;
  }

  async deleteWebhook(id: string): Promise<WireMessage> {
    return (await this.session.send<WireMessage>({ method: 'DELETE', path: `/webhook/${seg(id)}`, route: '/webhook/{webhook-id}' })).body;
  }
}
