import { Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from './redisServer.js';

let redis: RedisServer | undefined;
afterAll(async () => {
  await redis?.stop();
});

const ping = (port: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = new Socket();
    socket.once('error', reject);
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().trim());
    });
  });

describe('the test Redis server', () => {
  it('starts, answers PING, stops and starts again on the same port', async () => {
    redis = await startRedisServer();
    expect(await ping(redis.port)).toBe('+PONG');
    await redis.stop();
    await expect(ping(redis.port)).rejects.toThrow();
    await redis.start();
    expect(await ping(redis.port)).toBe('+PONG');
  }, 300_000);
});
