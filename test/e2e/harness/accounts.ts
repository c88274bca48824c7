import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './browser';
import { sendFromPage } from './extensionPages';
import type { TestStack } from './stack';

/** The password of every account the end-to-end tests make. */
export const TEST_PASSWORD = 'Vr7kq9Lmz2Xw';

/** A new account with its e-mail address confirmed through the mailed link. */
export async function verifiedAccount(stack: TestStack, email: string): Promise<void> {
  const client = stack.client();
  const created = await client.post('/api/v1/accounts', { email, password: TEST_PASSWORD });
  if (created.status !== 202) throw new Error(`account ${email} not created: ${created.status}`);
  const verified = await client.post('/api/v1/accounts/verify-email', {
    token: await stack.mailedToken(email, 'verify-email'),
  });
  if (verified.status !== 200) throw new Error(`account ${email} not verified: ${verified.status}`);
}

/** The portal signed in as `email` in a new tab of this browser (the sign-in page's own request). */
export async function signedInPortal(e: ExtensionBrowser, stack: TestStack, email: string): Promise<Page> {
  const portal = await e.browser.newPage();
  await portal.goto(`${stack.serviceUrl}/sign-in`);
  const status = await portal.evaluate(
    async (body) =>
      (
        await fetch('/api/v1/sessions', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        })
      ).status,
    JSON.stringify({ email, password: TEST_PASSWORD }),
  );
  if (status !== 200) throw new Error(`portal sign-in as ${email}: ${status}`);
  return portal;
}

/** Links this browser's extension to the account, as the options page's sign-in does; returns that page. */
export async function linkExtension(e: ExtensionBrowser, stack: TestStack, email: string): Promise<Page> {
  const options = await e.openPage('options/index.html');
  await options.waitForSelector('#kill-switch');
  await sendFromPage(options, { type: 'useTestService', url: stack.serviceUrl });
  const linked = await sendFromPage<{ ok: boolean }>(options, {
    type: 'signIn',
    email,
    password: TEST_PASSWORD,
  });
  if (!linked.ok) throw new Error(`the extension did not link to ${email}: ${JSON.stringify(linked)}`);
  return options;
}
