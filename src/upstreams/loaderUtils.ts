import DataLoader from 'dataloader';
import { GatewayError } from '../errors/GatewayError.js';
import { spans } from '../telemetry/spans.js';

/**
 * A per-request DataLoader over a by-key fetch the upstream has no batch
 * endpoint for: keys are de-duplicated and fetched in parallel, and a failed
 * key gets its error in its own slot (so one missing object does not fail the
 * others). Each dispatch is a span named after the loader (`circleci.project`),
 * with its key count, parent of the upstream calls it makes.
 */
export function keyLoader<K, V, C = K>(name: string, fetchOne: (key: K) => Promise<V>, cacheKeyFn?: (key: K) => C): DataLoader<K, V, C>;
/** An unnamed loader: its dispatch spans are named `loader`. */
export function keyLoader<K, V, C = K>(fetchOne: (key: K) => Promise<V>, cacheKeyFn?: (key: K) => C): DataLoader<K, V, C>;
export function keyLoader<K, V, C = K>(
  first: string | ((key: K) => Promise<V>),
  second?: ((key: K) => Promise<V>) | ((key: K) => C),
  third?: (key: K) => C,
): DataLoader<K, V, C> {
  const named = typeof first === 'string';
  const name = named ? first : 'loader';
  const fetchOne = (named ? second : first) as (key: K) => Promise<V>;
  const cacheKeyFn = (named ? third : second) as ((key: K) => C) | undefined;
  return new DataLoader<K, V, C>(
    (keys) =>
      spans.run(`loader ${name}`, () => ({ 'switchyard.loader': name, 'switchyard.loader.keys': keys.length }), async () =>
        Promise.all(keys.map((key) => fetchOne(key).catch((error: unknown) => toError(error)))),
      ),
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
