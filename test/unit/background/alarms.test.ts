import { describe, expect, it } from 'vitest';
import { createAlarmTable } from '../../../background/alarms';
import { ALLOWANCE_ALARM } from '../../../background/protection/protectionService';
import { ASK_EXPIRY_ALARM } from '../../../background/vpn/vpnService';
import { selfHostedTestGateway, startedBackground } from '../../fakes/startedBackground';

describe('the alarm table', () => {
  it('creates the periodic alarms each module declares, with their periods', async () => {
    const { background } = await startedBackground();
    expect(background.alarms.periodic()).toEqual([
      { name: 'vpn-health', periodInMinutes: 1 },
      { name: 'account-sync', periodInMinutes: 1 },
      { name: 'threat-update', periodInMinutes: 60 },
      { name: 'device-report', periodInMinutes: 0.5 },
    ]);
  });

  it("runs the module's work for its alarm", async () => {
    const { background, state, applied } = await startedBackground({
      ...selfHostedTestGateway,
      vpnEnabled: true,
    });
    await background.vpn.checkConnection();
    let checks = 0;
    background.platform.checkGateway = async () => {
      checks++;
      return state.check;
    };
    await background.alarms.run('vpn-health');
    expect(checks).toBe(1);
    // An "ask" answer given for an hour: routing takes it in; when it runs out the alarm compiles it away.
    await background.platform.local.set('askAnswers', {
      'ask.example': { route: 'vpn', expiresAt: state.clock + 60_000 },
    });
    const before = applied.length;
    await background.alarms.run(ASK_EXPIRY_ALARM);
    expect(applied.length).toBe(before + 1);
    state.clock += 60_000;
    await background.alarms.run(ASK_EXPIRY_ALARM);
    expect(applied.length).toBe(before + 2);
    expect(applied.at(-1)).toEqual(applied.at(-3));
    await background.alarms.run(ALLOWANCE_ALARM);
    // An alarm left by an older version does nothing.
    await expect(background.alarms.run('retired-alarm')).resolves.toBeUndefined();
  });

  it('refuses a name declared twice', () => {
    const run = async () => undefined;
    expect(() => createAlarmTable([{ name: 'a', run }], [{ name: 'a', periodInMinutes: 1, run }])).toThrow(
      /declared twice/,
    );
  });
});
