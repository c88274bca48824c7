// Runs first in the popup (popup/early.ts), before preact, the polyfill and the popup's code are loaded:
// nothing here may import a package (test/unit/conventions/popupStartLight.test.ts checks it).
import type { RawSend } from '../src/messages/client';
import type { Request } from '../src/messages/contract';
import { readPublished, type PublishedStatus, type SessionReader } from '../src/storage/publishedStatus';
import type { GetMessage } from '../src/ui/pageLanguage';
import { primeClient } from '../src/ui/primeClient';

/**
 * What the popup asks the background first: its connection status (what it shows when nothing was published,
 * and the fresh status it shows after the published one) and the start problems drawn above it. Not the
 * settings: the translator reads the language from the published status, and asks for the settings only when
 * nothing was published (the first opening after the extension was installed, before the worker published).
 */
export const EARLY_REQUESTS: readonly Request[] = [{ type: 'getStatus' }, { type: 'getStartProblems' }];

/** The part of the browser's own API used here: Chrome (MV3) and Firefox both return promises. */
export interface NativeBrowser {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  i18n?: { getMessage: GetMessage };
  storage?: SessionReader;
}

/** What the early script starts while the rest of the popup loads. */
export interface EarlyStart {
  /** The raw sender for the page: its first requests identical to `EARLY_REQUESTS` get the early replies. */
  send: RawSend;
  /** The status the background last published (src/storage/publishedStatus.ts), or null: none. */
  published: Promise<PublishedStatus | null>;
}

/**
 * The background's listener is wrapped by webextension-polyfill, which in Chrome answers a rejected promise
 * with this object (the polyfill on the page side turns it back into an error; here that is done by hand).
 */
const isPolyfillRejection = (reply: unknown): reply is { message?: string } =>
  typeof reply === 'object' && reply !== null && '__mozWebExtensionPolyfillReject__' in reply;

/** `runtime.sendMessage` through the browser's own API, answering as the polyfill's would. */
export function nativeSend(runtime: NativeBrowser['runtime']): RawSend {
  return async (message) => {
    const reply = await runtime.sendMessage(message);
    if (isPolyfillRejection(reply)) throw new Error(reply.message ?? 'An unexpected error occurred');
    return reply;
  };
}

/** The browser's API: `browser` in Firefox, `chrome` in Chrome. */
export function nativeBrowser(): NativeBrowser {
  const global = globalThis as { browser?: NativeBrowser; chrome?: NativeBrowser };
  return (global.browser ?? global.chrome)!;
}

/**
 * Reads the published status now, and sends the early requests once it is read (in a task of their own, after
 * the first frame is shown from it), or at the page's first request if that comes sooner. The first frame needs
 * only the read: in Firefox, sending the requests beside it held up the read and the end of parsing by 1 to 2 ms
 * (issue 16's speed budget, docs/performance.md). The background (woken by the requests, if it was stopped)
 * answers with the fresh status while the popup's module loads.
 */
export function startEarly(browser: NativeBrowser): EarlyStart {
  const published = readPublished(browser.storage);
  let primed: RawSend | undefined;
  const sendEarly = () => (primed ??= primeClient(nativeSend(browser.runtime), EARLY_REQUESTS));
  void published.finally(() => setTimeout(sendEarly, 0));
  return { published, send: (request) => sendEarly()(request) };
}

/**
 * Where `early.ts` leaves what it started for the popup's module to pick up (they are separate scripts), or
 * where the module notes that it started without it (a development server does not serve the built
 * `early.js`).
 */
const EARLY_START = '__rampartPopupEarlyStart';
type EarlyGlobal = { [EARLY_START]?: EarlyStart | 'started without it' };

/** Starts the early work, unless the popup's module somehow started without it; returns what it started. */
export function startEarlyRequests(browser: () => NativeBrowser): EarlyStart | null {
  const global = globalThis as EarlyGlobal;
  if (global[EARLY_START] !== undefined) return null;
  const started = startEarly(browser());
  global[EARLY_START] = started;
  return started;
}

/**
 * What `early.ts` started. When it has not run (a development server does not serve the built script) the
 * early work is started now instead, through `fallback`, and a late `early.ts` would not start it again.
 */
export function takeEarlyStart(fallback: () => NativeBrowser): EarlyStart {
  const global = globalThis as EarlyGlobal;
  const started = global[EARLY_START];
  global[EARLY_START] = 'started without it';
  return typeof started === 'object' ? started : startEarly(fallback());
}
