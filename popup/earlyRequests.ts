// Runs first in the popup (popup/early.ts), before preact, the polyfill and the popup's code are loaded: nothing
// here may import more than types and `primeClient` (test/unit/conventions/popupStartLight.test.ts checks it).
import type { RawSend } from '../src/messages/client';
import type { Request } from '../src/messages/contract';
import { primeClient } from '../src/ui/primeClient';

/**
 * What the popup asks the background first: its connection status (what the speed budget of issue 16 waits
 * for), the start problems drawn above it, and the settings the translator reads the language from.
 */
export const EARLY_REQUESTS: readonly Request[] = [
  { type: 'getStatus' },
  { type: 'getStartProblems' },
  { type: 'getSettings' },
];

/** The part of the browser's own messaging API used here: Chrome (MV3) and Firefox both return a promise. */
export interface NativeRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * The background's listener is wrapped by webextension-polyfill, which in Chrome answers a rejected promise
 * with this object (the polyfill on the page side turns it back into an error; here that is done by hand).
 */
const isPolyfillRejection = (reply: unknown): reply is { message?: string } =>
  typeof reply === 'object' && reply !== null && '__mozWebExtensionPolyfillReject__' in reply;

/** `runtime.sendMessage` through the browser's own API, answering as the polyfill's would. */
export function nativeSend(runtime: NativeRuntime): RawSend {
  return async (message) => {
    const reply = await runtime.sendMessage(message);
    if (isPolyfillRejection(reply)) throw new Error(reply.message ?? 'An unexpected error occurred');
    return reply;
  };
}

/** The browser's runtime: `browser` in Firefox, `chrome` in Chrome. */
export function nativeRuntime(): NativeRuntime {
  const global = globalThis as { browser?: { runtime: NativeRuntime }; chrome?: { runtime: NativeRuntime } };
  return (global.browser ?? global.chrome)!.runtime;
}

/**
 * Sends the early requests now and returns the raw sender the page uses afterwards: its first identical
 * requests get these replies, so the status round trip to the background runs while the page's code loads.
 */
export function sendEarly(runtime: NativeRuntime): RawSend {
  return primeClient(nativeSend(runtime), EARLY_REQUESTS);
}

/**
 * Where `early.ts` leaves its sender for the popup's module to pick up (they are separate scripts), or where
 * the module notes that it started without it (a development server does not serve the built `early.js`).
 */
const EARLY_SENDER = '__rampartPopupEarlySender';
type EarlyGlobal = { [EARLY_SENDER]?: RawSend | 'started without it' };

/** Sends the early requests, unless the popup's module somehow started without them. */
export function startEarlyRequests(runtime: () => NativeRuntime): void {
  const global = globalThis as EarlyGlobal;
  if (global[EARLY_SENDER] === undefined) global[EARLY_SENDER] = sendEarly(runtime());
}

/**
 * The sender `early.ts` started. When it has not run (a development server does not serve the built script)
 * the early requests are sent now instead, through `fallback`, and a late `early.ts` would not send them.
 */
export function takeEarlySender(fallback: RawSend): RawSend {
  const global = globalThis as EarlyGlobal;
  const send = global[EARLY_SENDER];
  global[EARLY_SENDER] = 'started without it';
  return typeof send === 'function' ? send : primeClient(fallback, EARLY_REQUESTS);
}
