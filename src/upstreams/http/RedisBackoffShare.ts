import type { Redis } from 'ioredis';
import { connectRedis } from '../../cache/connectRedis.js';
import { keyPrefix } from '../../cache/keys.js';
import { serviceNames, type ServiceName } from '../../config/ServiceName.js';
import { maxBackoffMs, type BackoffShare } from './CredentialBackoff.js';

const channel = `${keyPrefix}backoff`;
const keyOf = (service: ServiceName, fingerprint: string): string => `${keyPrefix}backoff:${service}:${fingerprint}`;
const fingerprintPattern = /^[\w-]{1,64}$/;

/** Where a shared wait is heard: the service, the credential's fingerprint, and the milliseconds left. */
export type BackoffListener = (service: ServiceName, fingerprint: string, ms: number) => void;

/** Reads `<service> <fingerprint> <ms>` (a message or a key's parts); undefined when it is anything else. */
function parseWait(service: string, fingerprint: string, ms: number): [ServiceName, string, number] | undefined {
  if (!(serviceNames as readonly string[]).includes(service) || !fingerprintPattern.test(fingerprint)) return undefined;
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  return [service as ServiceName, fingerprint, Math.min(ms, maxBackoffMs)];
}

/**
 * Credential waits shared by every replica through Redis: each is a key
 * (`switchyard:backoff:<service>:<fingerprint>`) that expires with the wait,
 * read by a replica when it starts and when its subscription reconnects, and
 * a message on `switchyard:backoff` that every replica applies as it
 * arrives. A replica checks its own copy before each call, never Redis.
 * Redis calls are bounded by `timeoutMs`; with Redis down each replica keeps
 * the waits it heard of.
 */
export class RedisBackoffShare implements BackoffShare {
  private readonly commands: Redis;
  private readonly subscriber: Redis;

  constructor(
    url: string,
    private readonly listener: BackoffListener,
    private readonly timeoutMs: number,
  ) {
    this.commands = connectRedis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectionName: 'switchyard-backoff' });
    this.subscriber = connectRedis(url, { maxRetriesPerRequest: null, connectionName: 'switchyard-backoff-sub' });
    // Outages show on the cache's and readiness's Redis connections; these only lose waits meanwhile.
    this.commands.on('error', () => undefined);
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (heard: string, raw: string) => {
      if (heard !== channel) return;
      const [service = '', fingerprint = '', ms = ''] = raw.split(' ');
      const wait = parseWait(service, fingerprint, Number(ms));
      if (wait !== undefined) this.listener(...wait);
    });
    // After a reconnect (of either connection, whichever is back last), waits published meanwhile are read back from their keys.
    this.subscriber.on('ready', () => void this.load());
    this.commands.on('ready', () => void this.load());
  }

  /** Subscribes and reads the waits already shared; gives up after a few seconds (ioredis keeps trying). */
  async start(): Promise<void> {
    const connected = this.commands.status === 'ready' ? Promise.resolve() : new Promise((resolve) => this.commands.once('ready', resolve));
    await this.bounded(Promise.all([this.subscriber.subscribe(channel), connected]), 5_000);
    await this.load();
  }

  async publish(service: ServiceName, fingerprint: string, ms: number): Promise<void> {
    const wait = Math.max(1, Math.round(ms));
    await this.bounded(this.commands.multi().set(keyOf(service, fingerprint), '1', 'PX', wait).publish(channel, `${service} ${fingerprint} ${wait}`).exec(), this.timeoutMs);
  }

  /** Deletes every shared wait (the test suite's reset). */
  async clear(): Promise<void> {
    await this.bounded(this.keys().then((keys) => (keys.length === 0 ? 0 : this.commands.del(...keys))), 2_000);
  }

  close(): void {
    this.commands.disconnect();
    this.subscriber.disconnect();
  }

  private async load(): Promise<void> {
    await this.bounded(
      (async () => {
        const keys = await this.keys();
        if (keys.length === 0) return;
        const pipeline = this.commands.pipeline();
        for (const key of keys) pipeline.pttl(key);
        const left = (await pipeline.exec()) ?? [];
        keys.forEach((key, index) => {
          const [service = '', fingerprint = ''] = key.slice(keyPrefix.length + 'backoff:'.length).split(':');
          const wait = parseWait(service, fingerprint, Number(left[index]?.[1]));
          if (wait !== undefined) this.listener(...wait);
        });
      })(),
      2_000,
    );
  }

  private async keys(): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await this.commands.scan(cursor, 'MATCH', `${keyPrefix}backoff:*`, 'COUNT', 1000);
      cursor = next;
      found.push(...keys);
    } while (cursor !== '0' && found.length < 100_000);
    return found;
  }

  /** Waits for a Redis call at most `ms`; a failure or time-out only loses this sharing. */
  private async bounded(call: Promise<unknown>, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([call.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
    } finally {
      clearTimeout(timer);
    }
  }
}
