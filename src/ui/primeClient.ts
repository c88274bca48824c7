import type { Request } from '../messages/contract';

/**
 * A sender that sends `early` requests now and hands each reply to the first identical request the page
 * makes; every later request (a re-read after a push, a retry while the worker wakes) goes out afresh. Works
 * on the typed client and on the raw `runtime.sendMessage` alike.
 */
export function primeClient<Send extends (request: Request) => Promise<unknown>>(
  send: Send,
  early: readonly Request[],
): Send {
  const primed = new Map<string, ReturnType<Send>>();
  for (const request of early) primed.set(JSON.stringify(request), send(request) as ReturnType<Send>);
  return ((request: Request) => {
    const key = JSON.stringify(request);
    const reply = primed.get(key);
    if (reply === undefined) return send(request);
    primed.delete(key);
    return reply;
  }) as Send;
}
