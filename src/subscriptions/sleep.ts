/**
 * Waits `ms` on an unref'd timer (it never holds the process open), or less
 * when the signal aborts; resolves false when aborted.
 */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, Math.max(0, ms));
    timer.unref();
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
