import { describe, expect, it } from 'vitest';
import { SharedReads } from '../../src/subscriptions/pipelines/SharedReads.js';

describe('reads shared by key', () => {
  it('gives callers of a key its read in flight, keeps a success for the TTL, and never keeps a failure', async () => {
    const reads = new SharedReads<number>(60_000);
    let calls = 0;
    const load = (value: number) => async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return value;
    };
    expect(await Promise.all([reads.read('a', load(1)), reads.read('a', load(2)), reads.read('b', load(3))])).toEqual([1, 1, 3]);
    expect(calls).toBe(2);
    expect(await reads.read('a', load(4))).toBe(1);
    expect(calls).toBe(2);

    const failing = new SharedReads<number>(60_000);
    let attempts = 0;
    const fail = async (): Promise<number> => {
      attempts++;
      throw new Error('upstream down');
    };
    await expect(Promise.all([failing.read('a', fail), failing.read('a', fail)])).rejects.toThrow('upstream down');
    expect(attempts).toBe(1);
    expect(await failing.read('a', load(5))).toBe(5);
  });

  it('with no TTL, shares only while in flight', async () => {
    const reads = new SharedReads<number>(0);
    let calls = 0;
    const load = async (): Promise<number> => ++calls;
    expect(await Promise.all([reads.read('a', load), reads.read('a', load)])).toEqual([1, 1]);
    expect(await reads.read('a', load)).toBe(2);
  });
});
