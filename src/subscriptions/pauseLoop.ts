import { sleep } from './sleep.js';

/** A poll loop as far as its waits go: the controller that ends it, and the hook a wake calls to cut a wait short. */
export interface PausableLoop {
  readonly controller: AbortController;
  wake: (() => void) | undefined;
}

/**
 * Waits up to `ms` on an unref'd timer, less when the loop ends or (when
 * `wakeable`) when something calls its `wake`; resolves false once the loop
 * has ended.
 */
export async function pauseLoop(loop: PausableLoop, ms: number, wakeable = true): Promise<boolean> {
  const step = new AbortController();
  const onAbort = (): void => step.abort();
  loop.controller.signal.addEventListener('abort', onAbort, { once: true });
  if (wakeable) loop.wake = () => step.abort();
  try {
    await sleep(ms, step.signal);
  } finally {
    loop.wake = undefined;
    loop.controller.signal.removeEventListener('abort', onAbort);
  }
  return !loop.controller.signal.aborted;
}
