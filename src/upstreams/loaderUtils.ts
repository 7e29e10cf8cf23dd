import DataLoader from 'dataloader';
import { GatewayError } from '../errors/GatewayError.js';

/**
 * A per-request DataLoader over a by-key fetch the upstream has no batch
 * endpoint for: keys are de-duplicated and fetched in parallel, and a failed
 * key gets its error in its own slot (so one missing object does not fail the
 * others).
 */
export function keyLoader<K, V, C = K>(fetchOne: (key: K) => Promise<V>, cacheKeyFn?: (key: K) => C): DataLoader<K, V, C> {
  return new DataLoader<K, V, C>(
    async (keys) => Promise.all(keys.map((key) => fetchOne(key).catch((error: unknown) => toError(error)))),
    cacheKeyFn === undefined ? {} : { cacheKeyFn },
  );
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Loads a key, returning null when the upstream says it does not exist. */
export async function loadOrNull<K, V>(loader: DataLoader<K, V>, key: K): Promise<V | null> {
  try {
    return await loader.load(key);
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
