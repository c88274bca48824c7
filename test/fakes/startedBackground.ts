import { composeBackground } from '../../background/compose';
import { defaultSettings, type Settings } from '../../src/settings';
import { pacAnswer } from './pac';
import { fakePlatform, ownPage } from './platform';

/** A user's own gateway at 127.0.0.1:3128 (tests route through it without any account service). */
export const selfHostedTestGateway = {
  region: 'self-hosted',
  selfHostedGateway: {
    scheme: 'PROXY' as const,
    host: '127.0.0.1',
    port: 3128,
    username: 'u',
    password: 'p',
  },
};

/**
 * The whole background on the fake platform, started on `settings` over the defaults, with the pages'
 * message route and the answer of the PAC last applied for a URL.
 */
export async function startedBackground(
  settings: Partial<Settings> = {},
  options: { testHooks?: boolean } = {},
) {
  const fake = fakePlatform();
  await fake.platform.local.set('settings', { ...defaultSettings, ...settings });
  const background = composeBackground(fake.platform, options);
  await background.start();
  const send = (message: unknown) => background.route(message, ownPage);
  const lastPac = (url: string) => pacAnswer(fake.applied.at(-1), url);
  return { ...fake, background, send, lastPac };
}
