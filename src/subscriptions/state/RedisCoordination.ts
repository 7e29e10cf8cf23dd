import type { Redis } from 'ioredis';
import { statusTtlSeconds, type Coordination } from './Coordination.js';

// Take the lease when free, or extend it when this owner already holds it.
const acquireScript = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
return 0`;

const releaseScript = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Coordination across replicas through one Redis. */
export class RedisCoordination implements Coordination {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async firstSeen(key: string, ttlSeconds: number): Promise<boolean> {
    return (await this.redis.set(`${this.prefix}seen:${key}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
  }

  async forget(key: string): Promise<void> {
    await this.redis.del(`${this.prefix}seen:${key}`);
  }

  async swapStatus(key: string, status: string): Promise<string | null> {
    const result = await this.redis.call('SET', `${this.prefix}status:${key}`, status, 'GET', 'EX', String(statusTtlSeconds));
    return typeof result === 'string' ? result : null;
  }

  async peekStatus(key: string): Promise<string | null> {
    return this.redis.get(`${this.prefix}status:${key}`);
  }

  async recordWorkflow(pipelineId: string, workflowId: string, status: string): Promise<Readonly<Record<string, string>>> {
    const key = `${this.prefix}pipeline:${pipelineId}`;
    const [, , all] = (await this.redis.multi().hset(key, workflowId, status).expire(key, statusTtlSeconds).hgetall(key).exec()) ?? [];
    const value = all?.[1];
    return value !== null && typeof value === 'object' ? (value as Record<string, string>) : { [workflowId]: status };
  }

  async acquireLease(name: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.eval(acquireScript, 1, `${this.prefix}lease:${name}`, owner, String(ttlMs))) === 1;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    await this.redis.eval(releaseScript, 1, `${this.prefix}lease:${name}`, owner);
  }
}
