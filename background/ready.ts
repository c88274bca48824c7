/**
 * One gate for all work in the service worker: listeners are registered synchronously at start-up, and
 * each waits here until initialisation has finished (or has failed, or timed out, which is reported
 * rather than left hanging).
 */
export function createReadyGate(init: () => Promise<void>, timeoutMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Background not ready after ${timeoutMs} ms`)), timeoutMs);
  });
  const ready = Promise.race([init(), timeout]).finally(() => clearTimeout(timer));
  ready.catch(() => undefined);
  return () => ready;
}
