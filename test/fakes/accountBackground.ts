import { composeBackground } from '../../background/compose';
import type { Platform } from '../../background/platform';
import { defaultSettings } from '../../src/settings';
import { fakeAccountApi } from './accountApi';
import { fakePlatform, ownPage } from './platform';

/** The whole background, started on default settings, talking to the in-memory account service. */
export async function backgroundWithAccountApi(
  overrides: Partial<Platform> = {},
  customize: (fake: ReturnType<typeof fakePlatform>) => void = () => undefined,
) {
  const fake = fakePlatform(overrides);
  const api = fakeAccountApi(() => fake.state.clock);
  fake.state.service = (url, body) => api.handle(url, body as never);
  // The fake platform passes method/body/headers through; route the whole init to the fake service.
  fake.platform.fetchJson = async (url, init) => {
    fake.requests.push({ url, ...(init?.body === undefined ? {} : { body: init.body }) });
    const answer = api.handle(url, init);
    if (answer === 'unreachable') throw new TypeError('Failed to fetch');
    return answer;
  };
  await fake.platform.local.set('settings', { ...defaultSettings });
  customize(fake);
  const background = composeBackground(fake.platform);
  await background.start();
  const send = (message: unknown) => background.route(message, ownPage);
  return { ...fake, api, background, send };
}
