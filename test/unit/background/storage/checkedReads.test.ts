import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../../src/settings';
import { backgroundWithAccountApi } from '../../../fakes/accountBackground';
import { selfHostedTestGateway, startedBackground } from '../../../fakes/startedBackground';

// Values that were once read with a bare cast: a damaged one now costs that value, never the feature.

afterEach(() => vi.restoreAllMocks());

describe('values read back unchecked before', () => {
  it('a damaged list of announced sites reads as none: the site is still announced, once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { background, platform, notifications } = await startedBackground({
      ...selfHostedTestGateway,
      categoryActions: { ...defaultSettings.categoryActions, banks: 'enable' },
    });
    await platform.session.set('notifiedSites', 42);
    await background.watchSite(1, 'https://www.1822direkt.com/');
    await background.watchSite(2, 'https://1822direkt.com/other');
    expect(notifications.map((n) => n.id)).toEqual(['auto-1822direkt.com']);
    expect(await platform.session.get('notifiedSites')).toEqual(['auto:1822direkt.com']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('session:notifiedSites is not valid'));
  });

  it('a damaged subscription is not shown as the device status', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { background, platform, send } = await backgroundWithAccountApi();
    await background.account.sync();
    await platform.local.set('subscription', { tier: 'gold', deviceLimit: 'many' });
    const reply = await send({ type: 'getAccount' });
    expect(reply).toMatchObject({ ok: true, value: { linked: false, tier: 'anonymous' } });
    expect(reply.ok && reply.value).not.toHaveProperty('subscription');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('local:subscription is not valid'));
  });
});
