/**
 * One gate for all work in the background: listeners are registered synchronously at start-up, and each
 * waits here until initialisation has finished (or has failed, which is reported rather than left hanging).
 * The timeout is per caller: a slow start (Firefox installing its threat rules on a busy machine) answers
 * "not ready" to whoever gave up waiting, and everyone after it is served once the start has finished.
 */
export function createReadyGate(init: () => Promise<void>, timeoutMs: number) {
  const started = init();
  started.catch(() => undefined);
  return (): Promise<void> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Background not ready after ${timeoutMs} ms`)), timeoutMs);
    });
    const ready = Promise.race([started, timeout]).finally(() => clearTimeout(timer));
    ready.catch(() => undefined);
    return ready;
  };
}
