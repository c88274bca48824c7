import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../background/account/apiClient';
import type { Platform } from '../../../background/platform';
import { routes } from '../../../src/api/routes';

/** A client whose service answers every request with `reply`. */
const clientAnswering = (reply: { status: number; body: unknown }) =>
  createApiClient({ fetchJson: async () => reply } as unknown as Platform, async () => 'http://127.0.0.1:1');

describe('the background’s API client', () => {
  it('names an invalid field in words instead of passing on the service’s schema text', async () => {
    const api = clientAnswering({
      status: 400,
      body: {
        error: {
          code: 'invalidRequest',
          message: 'code: expected an activation code',
          details: { issues: [{ path: 'code', message: 'expected an activation code' }] },
        },
      },
    });
    const reply = await api({
      route: routes.activateOnDevice,
      body: { code: 'ABCD-1111-EFGH' },
      fields: { code: 'activationCode' },
    });
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'invalidRequest',
        messageKey: 'apiError_invalidActivationCode',
        substitutions: [],
        status: 400,
      },
    });
  });

  it('keeps the error code’s own message when the service names no field', async () => {
    const api = clientAnswering({
      status: 400,
      body: {
        error: {
          code: 'invalidActivationCode',
          message: 'This activation code is invalid or was already used.',
        },
      },
    });
    const reply = await api({ route: routes.activateOnDevice, body: { code: 'AAAA-BBBB' } });
    expect(reply).toMatchObject({ ok: false, error: { messageKey: 'apiError_invalidActivationCode' } });
  });
});
