import { describe, expect, it } from 'vitest';
import { createClient } from '../../../src/messages';

const noSleep = async () => undefined;

describe('createClient', () => {
  it('retries while the service worker wakes, then returns its reply', async () => {
    let calls = 0;
    const send = createClient(
      async () => {
        calls++;
        if (calls < 3) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { ok: true, value: 'ready' };
      },
      { sleep: noSleep },
    );
    expect(await send({ type: 'getStatus' })).toEqual({ ok: true, value: 'ready' });
    expect(calls).toBe(3);
  });

  it('gives up after the last attempt with a displayable error', async () => {
    let calls = 0;
    const send = createClient(
      async () => {
        calls++;
        throw new Error('Receiving end does not exist.');
      },
      { sleep: noSleep, attempts: 4 },
    );
    const reply = await send({ type: 'getSettings' });
    expect(calls).toBe(4);
    expect(reply.ok ? null : reply.error.code).toBe('backgroundUnavailable');
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const send = createClient(async () => {
      calls++;
      throw new Error('boom');
    });
    expect((await send({ type: 'getSettings' })).ok).toBe(false);
    expect(calls).toBe(1);
  });

  it('treats a missing reply as an error', async () => {
    const send = createClient(async () => undefined);
    const reply = await send({ type: 'getStatus' });
    expect(reply.ok ? null : reply.error.code).toBe('noReply');
  });
});
