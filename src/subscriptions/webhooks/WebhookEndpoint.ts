import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBodyBytes } from '../../http/readBody.js';
import { sendJson as send } from '../../http/sendJson.js';
import type { EventBus } from '../bus/EventBus.js';
import type { Coordination } from '../state/Coordination.js';
import { webhookSecretSettings, type LiveSettings, type WebhookService } from '../../config/liveSettings.js';
import { DeliveryError, type Receiver } from './Receiver.js';

/** How deliveries ended, per service: `accepted`, `duplicate`, `ignored`, `rejected`, `invalid`, `failed`. */
export type WebhookCounts = Record<WebhookService, Record<string, number>>;

/**
 * The HTTP side of webhook receivers (`POST /webhooks/<service>`): body size
 * limit, signature check on the raw bytes, duplicate delivery drop (on the
 * delivery id and on a digest of the body, so a replayed body with a fresh id
 * is dropped too), then the service's receiver. Nothing is published for a
 * delivery that fails a check.
 */
export class WebhookEndpoint {
  private readonly counts = {} as WebhookCounts;

  constructor(
    private readonly receivers: ReadonlyMap<WebhookService, Receiver>,
    private readonly settings: LiveSettings,
    private readonly coordination: Coordination,
    private readonly bus: EventBus,
  ) {}

  /** The service a path belongs to, or undefined when it is not a webhook path. */
  serviceOf(pathname: string): WebhookService | undefined {
    const match = /^\/webhooks\/([a-z]+)\/?$/.exec(pathname);
    const service = match?.[1] as WebhookService | undefined;
    return service !== undefined && this.receivers.has(service) ? service : undefined;
  }

  /** Deliveries so far, by service and outcome. */
  stats(): Readonly<WebhookCounts> {
    return structuredClone(this.counts);
  }

  private count(service: WebhookService, outcome: string): void {
    const byOutcome = (this.counts[service] ??= {});
    byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
  }

  async handle(service: WebhookService, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receiver = this.receivers.get(service);
    if (receiver === undefined) return send(res, 404, { error: 'Not found' });
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return send(res, 405, { error: 'Webhooks are delivered with POST' });
    }
    const secret = this.settings.webhookSecrets[service];
    if (secret === undefined) {
      req.resume();
      return send(res, 404, { error: `The ${service} webhook receiver is off: set ${webhookSecretSettings[service]} to enable it` });
    }
    let raw: Buffer;
    try {
      raw = await readBodyBytes(req, this.settings.webhookMaxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      this.count(service, 'invalid');
      res.setHeader('connection', 'close');
      return send(res, 413, { error: `Body larger than ${this.settings.webhookMaxBodyBytes} bytes` });
    }
    if (!receiver.verify(secret, raw, req.headers)) {
      this.count(service, 'rejected');
      return send(res, 401, { error: 'Invalid or missing signature' });
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      this.count(service, 'invalid');
      return send(res, 400, { error: 'The body is not JSON' });
    }
    let event;
    try {
      event = receiver.read({ headers: req.headers, body });
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      this.count(service, 'invalid');
      return send(res, 400, { error: error.message });
    }
    // The delivery id header is not signed: a replay of a captured body with a fresh id must
    // still be dropped, so the digest of the body counts as well as the id.
    const keys = [`${service}:sha256:${createHash('sha256').update(raw).digest('hex')}`];
    if (event.deliveryId !== undefined) keys.push(`${service}:${event.deliveryId}`);
    const marked: string[] = [];
    const forget = async (): Promise<void> => {
      await Promise.all(marked.map((key) => this.coordination.forget(key).catch(() => undefined)));
    };
    let first = true;
    try {
      for (const key of keys) {
        if (await this.coordination.firstSeen(key, this.settings.webhookDedupeSeconds)) marked.push(key);
        else first = false;
      }
    } catch {
      // Without the shared store a duplicate cannot be told apart: let the sender retry.
      await forget();
      this.count(service, 'failed');
      return send(res, 503, { error: 'The event could not be handled; retry later' });
    }
    if (!first) {
      this.count(service, 'duplicate');
      return send(res, 200, { status: 'duplicate', type: event.type });
    }
    try {
      const messages = (await event.apply?.()) ?? [];
      for (const message of messages) await this.bus.publish(message);
      const outcome = event.apply === undefined ? 'ignored' : 'accepted';
      this.count(service, outcome);
      return send(res, 202, { status: outcome, type: event.type });
    } catch (error) {
      // Let the sender's retry through: this delivery was not handled.
      await forget();
      this.count(service, 'failed');
      if (error instanceof DeliveryError) return send(res, 400, { error: error.message });
      return send(res, 503, { error: 'The event could not be handled; retry later' });
    }
  }
}
