import { describe, expect, it } from 'vitest';
import { composeBackground } from '../../../../background/compose';
import { writeStored } from '../../../../background/storage/storedValues';
import { GATEWAY_RETRY_ALARM, UNREACHABLE_PAUSE_MS } from '../../../../background/vpn/gatewayHealth';
import { GATEWAY_CHECK_HOST } from '../../../../src/api/proxyCredential';
import { defaultSettings } from '../../../../src/settings';
import { stored } from '../../../../src/storage';
import { pacAnswer } from '../../../fakes/pac';
import { fakePlatform, ownPage } from '../../../fakes/platform';

const A = {
  id: '00000000-0000-4000-8000-00000000000a',
  region: 'de',
  city: 'Frankfurt',
  host: 'a.test',
  port: 8443,
  load: 0.1,
};
const B = {
  id: '00000000-0000-4000-8000-00000000000b',
  region: 'de',
  city: 'Berlin',
  host: 'b.test',
  port: 8443,
  load: 0.6,
};

/** The VPN on "Optimal" over the listed gateways; the check answers through whichever gateway the PAC uses. */
async function vpnOver(gateways: (typeof A)[], down: Set<string>) {
  const fake = fakePlatform();
  await fake.platform.local.set('settings', { ...defaultSettings, vpnEnabled: true });
  await writeStored(fake.platform, stored.gateways, gateways);
  await writeStored(fake.platform, stored.proxyCredential, {
    username: 'd',
    password: 'c',
    expiresAt: 9e15,
    renewAt: 9e15,
  });
  const routedTo = () => pacAnswer(fake.applied.at(-1), `http://${GATEWAY_CHECK_HOST}/`);
  fake.platform.checkGateway = async () =>
    [...down].some((host) => routedTo().includes(host))
      ? { ok: false, reason: 'unreachable' }
      : { ok: true, exitAddress: '203.0.113.9' };
  const background = composeBackground(fake.platform);
  await background.start();
  await background.vpn.checkConnection();
  const status = async () => {
    const reply = await background.route({ type: 'getStatus' }, ownPage);
    if (!reply.ok) throw new Error('no status');
    return reply.value;
  };
  return { ...fake, background, routedTo, status };
}

describe('a gateway that fails its check', () => {
  it('is skipped for the next least loaded one, and proxy authentication answers that one', async () => {
    const { routedTo, status, background } = await vpnOver([A, B], new Set(['a.test']));
    expect(routedTo()).toBe('HTTPS b.test:8443; DIRECT');
    expect(await status()).toMatchObject({ state: 'on', gateway: { id: B.id, city: 'Berlin' } });
    const challenge = (host: string) => ({
      requestId: host,
      isProxy: true,
      challenger: { host, port: 8443 },
    });
    expect(await background.answerAuth(challenge('b.test'))).toEqual({
      authCredentials: { username: 'd', password: 'c' },
    });
    expect(await background.answerAuth(challenge('a.test'))).toEqual({ cancel: true });
  });

  it('is tried again when its pause ends, and used again once its check succeeds', async () => {
    const down = new Set(['a.test']);
    const { routedTo, status, background, state, alarms } = await vpnOver([A, B], down);
    expect(alarms.get(GATEWAY_RETRY_ALARM)).toBeGreaterThan(state.clock);
    // Too early: nothing changes.
    await background.alarms.run(GATEWAY_RETRY_ALARM);
    expect(routedTo()).toContain('b.test');
    // The pause is over and the gateway is back.
    down.clear();
    state.clock += UNREACHABLE_PAUSE_MS;
    await background.alarms.run(GATEWAY_RETRY_ALARM);
    expect(routedTo()).toBe('HTTPS a.test:8443; DIRECT');
    expect(await status()).toMatchObject({ state: 'on', gateway: { id: A.id } });
  });

  it('still down when its pause ends: skipped again', async () => {
    const { routedTo, background, state } = await vpnOver([A, B], new Set(['a.test']));
    state.clock += UNREACHABLE_PAUSE_MS;
    await background.alarms.run(GATEWAY_RETRY_ALARM);
    expect(routedTo()).toContain('b.test');
    expect((await background.vpn.connection()).state).toBe('on');
  });

  it('the only gateway there is: kept, and the connection reports the error', async () => {
    const { routedTo, status } = await vpnOver([A], new Set(['a.test']));
    expect(routedTo()).toContain('a.test');
    expect(await status()).toMatchObject({ state: 'error', reason: 'gatewayUnreachable' });
  });
});
