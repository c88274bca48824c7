import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  EARLY_REQUESTS,
  nativeSend,
  sendEarly,
  startEarlyRequests,
  takeEarlySender,
  type NativeRuntime,
} from '../../../popup/earlyRequests';

/** A runtime whose `sendMessage` records what it is sent and answers with what `answer` gives. */
function fakeRuntime(answer: (message: unknown) => unknown = (message) => ({ ok: true, value: message })) {
  const sent: unknown[] = [];
  const runtime: NativeRuntime = {
    sendMessage: vi.fn(async (message: unknown) => {
      sent.push(message);
      return answer(message);
    }),
  };
  return { runtime, sent };
}

describe('the popup’s early requests', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).__rampartPopupEarlySender;
  });

  it('asks for the status, the start problems and the settings at once, before the popup asks', () => {
    const { runtime, sent } = fakeRuntime();
    sendEarly(runtime);
    expect(sent).toEqual([{ type: 'getStatus' }, { type: 'getStartProblems' }, { type: 'getSettings' }]);
    expect(sent).toEqual(EARLY_REQUESTS);
  });

  it('hands each early reply to the popup’s first identical request and sends later ones afresh', async () => {
    let calls = 0;
    const { runtime, sent } = fakeRuntime(() => ({ ok: true, value: ++calls }));
    const send = sendEarly(runtime);
    expect(await send({ type: 'getStatus' })).toEqual({ ok: true, value: 1 });
    expect(sent).toHaveLength(3);
    expect(await send({ type: 'getStatus' })).toEqual({ ok: true, value: 4 });
    expect(sent).toHaveLength(4);
  });

  it('turns the polyfill’s answer for a failed listener into an error, as the polyfill on a page does', async () => {
    const { runtime } = fakeRuntime(() => ({ __mozWebExtensionPolyfillReject__: true, message: 'broken' }));
    await expect(nativeSend(runtime)({ type: 'getStatus' })).rejects.toThrow('broken');
  });

  it('lets the popup take the sender the early script started', async () => {
    const { runtime, sent } = fakeRuntime(() => ({ ok: true, value: 'early' }));
    startEarlyRequests(() => runtime);
    const fallback = vi.fn(async () => 'fallback');
    const send = takeEarlySender(fallback);
    expect(await send({ type: 'getStatus' })).toEqual({ ok: true, value: 'early' });
    expect(sent).toHaveLength(3);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('sends the early requests itself when the early script has not run, which then sends nothing', () => {
    const asked: unknown[] = [];
    takeEarlySender(async (message) => asked.push(message));
    expect(asked).toEqual(EARLY_REQUESTS);
    const { runtime, sent } = fakeRuntime();
    startEarlyRequests(() => runtime);
    expect(sent).toEqual([]);
  });
});
