import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  EARLY_REQUESTS,
  nativeSend,
  startEarly,
  startEarlyRequests,
  takeEarlyStart,
  type NativeBrowser,
} from '../../../popup/earlyRequests';
import {
  PUBLISHED_STATUS_KEY,
  readPublished,
  type PublishedStatus,
} from '../../../src/storage/publishedStatus';

/** Lets a task queued with `setTimeout(…, 0)` run. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

const published: PublishedStatus = {
  status: {
    state: 'on',
    since: 1,
    exitAddress: '203.0.113.7',
    region: 'optimal',
    version: '1.0.0',
    protectionEnabled: true,
    vpnEnabled: true,
    killSwitch: false,
    proxyControlledByOther: false,
  },
  language: 'de',
};

/**
 * A browser whose `sendMessage` records what it is sent and answers with what `answer` gives, and whose
 * `storage.session` holds `session`.
 */
function fakeBrowser(
  answer: (message: unknown) => unknown = (message) => ({ ok: true, value: message }),
  session: Record<string, unknown> = {},
) {
  const sent: unknown[] = [];
  const browser: NativeBrowser = {
    runtime: {
      sendMessage: vi.fn(async (message: unknown) => {
        sent.push(message);
        return answer(message);
      }),
    },
    storage: {
      session: { get: async (key: string) => (key in session ? { [key]: session[key] } : {}) },
    },
  };
  return { browser, sent };
}

describe('the popup’s early requests', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).__rampartPopupEarlyStart;
  });

  it('asks for the status and the start problems once the published status is read, before the popup asks', async () => {
    const { browser, sent } = fakeBrowser(undefined, { [PUBLISHED_STATUS_KEY]: published });
    const early = startEarly(browser);
    // Nothing beside the read: the first frame needs only the read.
    expect(sent).toEqual([]);
    await early.published;
    await nextTask();
    expect(sent).toEqual([{ type: 'getStatus' }, { type: 'getStartProblems' }]);
    expect(sent).toEqual(EARLY_REQUESTS);
  });

  it('sends them at the popup’s first request if that comes before the read, and only once', async () => {
    const { browser, sent } = fakeBrowser();
    const early = startEarly(browser);
    void early.send({ type: 'getStartProblems' });
    expect(sent).toEqual(EARLY_REQUESTS);
    await early.published;
    await nextTask();
    expect(sent).toEqual(EARLY_REQUESTS);
  });

  it('hands each early reply to the popup’s first identical request and sends later ones afresh', async () => {
    let calls = 0;
    const { browser, sent } = fakeBrowser(() => ({ ok: true, value: ++calls }));
    const { send } = startEarly(browser);
    expect(await send({ type: 'getStatus' })).toEqual({ ok: true, value: 1 });
    expect(sent).toHaveLength(2);
    expect(await send({ type: 'getStatus' })).toEqual({ ok: true, value: 3 });
    expect(sent).toHaveLength(3);
  });

  it('reads the status the background published, without waiting for the background', async () => {
    const never = new Promise<unknown>(() => undefined);
    const { browser } = fakeBrowser(() => never, { [PUBLISHED_STATUS_KEY]: published });
    expect(await startEarly(browser).published).toEqual(published);
  });

  it('reads no published status when there is none, it is not one it knows, or storage fails', async () => {
    expect(await readPublished(fakeBrowser().browser.storage)).toBeNull();
    const odd = { ...published, status: { ...published.status, state: 'sleeping' } };
    expect(
      await readPublished(fakeBrowser(undefined, { [PUBLISHED_STATUS_KEY]: odd }).browser.storage),
    ).toBeNull();
    expect(
      await readPublished({ session: { get: () => Promise.reject(new Error('no session storage')) } }),
    ).toBeNull();
    expect(await readPublished(undefined)).toBeNull();
  });

  it('turns the polyfill’s answer for a failed listener into an error, as the polyfill on a page does', async () => {
    const { browser } = fakeBrowser(() => ({ __mozWebExtensionPolyfillReject__: true, message: 'broken' }));
    await expect(nativeSend(browser.runtime)({ type: 'getStatus' })).rejects.toThrow('broken');
  });

  it('lets the popup take what the early script started', async () => {
    const { browser, sent } = fakeBrowser(() => ({ ok: true, value: 'early' }), {
      [PUBLISHED_STATUS_KEY]: published,
    });
    startEarlyRequests(() => browser);
    const fallback = vi.fn(() => fakeBrowser().browser);
    const early = takeEarlyStart(fallback);
    expect(await early.send({ type: 'getStatus' })).toEqual({ ok: true, value: 'early' });
    expect(await early.published).toEqual(published);
    expect(sent).toHaveLength(2);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('starts the early work itself when the early script has not run, which then starts nothing', async () => {
    const fallback = fakeBrowser();
    await takeEarlyStart(() => fallback.browser).published;
    await nextTask();
    expect(fallback.sent).toEqual(EARLY_REQUESTS);
    const { browser, sent } = fakeBrowser();
    expect(startEarlyRequests(() => browser)).toBeNull();
    await nextTask();
    expect(sent).toEqual([]);
  });
});
