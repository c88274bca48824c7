// What people read when they get something wrong, in real Chromium with the real account service: the portal's
// empty forms and unknown addresses (English), and the options page in Russian (bad activation code, empty
// sign-in, own gateway without a host, a bulk import with refused lines, a settings file of an unknown version),
// and the warning page's choices. RAMPART_SCREENSHOTS=<dir> saves each screen for a person to look at.
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../server/app';
import { outboxRepository } from '../../server/db';
import { freePort } from '../../server/stack/freePort';
import { testDatabase } from '../integration/server/database';
import { Client, testConfig } from '../integration/server/helpers';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './harness/browser';
import { openPopup, sendFromPage, showOptionsSection, textOf, waitForText } from './harness/extensionPages';

const EMAIL = 'messages-person@example.com';
const PASSWORD = 'Vr7kq9Lmz2Xw';
const SHOTS = process.env.RAMPART_SCREENSHOTS;

let service: App;
let portalUrl: string;
let ext: ExtensionBrowser;
let closeDb: () => Promise<void>;
let outbox: ReturnType<typeof outboxRepository>;

beforeAll(async () => {
  const port = await freePort();
  portalUrl = `http://127.0.0.1:${port}`;
  const db = await testDatabase();
  outbox = outboxRepository(db);
  closeDb = () => db.close();
  service = await buildApp(testConfig({ port, publicUrl: portalUrl }), { db });
  await service.listen();
  ext = await launchWithExtension();
  if (SHOTS) await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  await ext?.close();
  await service?.close();
  await closeDb?.();
});

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const paragraphs = (page: Page, selector: string) =>
  page.$$eval(`${selector} p`, (items) => items.map((p) => p.textContent ?? ''));

/** A verified account the options page can sign in with. */
async function verifiedAccount(email: string) {
  const client = new Client(portalUrl, { origin: portalUrl });
  expect((await client.post('/api/v1/accounts', { email, password: PASSWORD })).status).toBe(202);
  const mail = (await outbox.latest(50)).find((m) => m.recipient === email);
  const token = /\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail?.textBody ?? '')?.[1];
  expect((await client.post('/api/v1/accounts/verify-email', { token })).status).toBe(200);
}

/** The options page shown in `language`, talking to the test service. */
async function optionsIn(language: 'en' | 'ru'): Promise<Page> {
  const first = await ext.openPage('options/index.html');
  await first.waitForSelector('#kill-switch');
  await sendFromPage(first, { type: 'useTestService', url: portalUrl });
  await sendFromPage(first, { type: 'updateSettings', patch: { language } });
  await first.close();
  const options = await ext.openPage('options/index.html#account');
  await options.waitForSelector('[data-testid="account-section"]');
  return options;
}

describe('the portal says what is wrong in words', () => {
  it.each([
    ['sign-in', '[data-testid="sign-in-submit"]', ['Enter your email address.', 'Enter a password.']],
    ['sign-up', 'button[type="submit"]', ['Enter your email address.', 'Enter a password.']],
    ['reset-password', 'button[type="submit"]', ['Enter your email address.']],
  ])('an empty %s form names each empty field in English', async (path, submit, expected) => {
    const page = await ext.browser.newPage();
    await page.goto(`${portalUrl}/${path}`);
    await page.waitForSelector('#email');
    await page.click(submit);
    await page.waitForSelector('[data-testid="form-error"]');
    expect(await paragraphs(page, '[data-testid="form-error"]')).toEqual(expected);
    expect(await textOf(page, '[data-testid="form-error"]')).not.toMatch(
      /email:|expected|characters|Invalid/,
    );
    expect(await page.$eval('#email', (input) => input.getAttribute('aria-invalid'))).toBe('true');
    await shot(page, `portal-${path}-empty-en`);
    await page.close();
  });

  it('an unknown address shows the portal’s "page not found" with a way back, not the API’s JSON', async () => {
    const page = await ext.browser.newPage();
    const response = await page.goto(`${portalUrl}/no-such-page`);
    expect(response?.status()).toBe(404);
    await waitForText(page, 'h1', 'Page not found');
    expect(await textOf(page, '[data-testid="not-found"]')).toMatch(/^There is no page at this address/);
    const back = await page.$eval('main a[href="/"]', (a) => a.textContent);
    expect(back).toBe('Go to the overview');
    await shot(page, 'portal-not-found-en');
    await page.close();
  });
});

describe('the options page in Russian', () => {
  let options: Page;
  beforeAll(async () => {
    await verifiedAccount(EMAIL);
    options = await optionsIn('ru');
  });

  it('names the empty sign-in fields, then links the device', async () => {
    await options.click('[data-testid="sign-in-form"] button[type="submit"]');
    await options.waitForSelector('[data-testid="account-error"]');
    expect(await paragraphs(options, '[data-testid="account-error"]')).toEqual([
      'Введите адрес электронной почты.',
      'Введите пароль.',
    ]);
    await options.type('#account-email-input', EMAIL);
    await options.type('#account-password', PASSWORD);
    await options.click('[data-testid="sign-in-form"] button[type="submit"]');
    await waitForText(options, '[data-testid="account-email"]', `Вход выполнен: ${EMAIL}`, 20_000);
  });

  it('shows the real code format and refuses a bad activation code with the portal’s words', async () => {
    expect(await textOf(options, '[data-testid="activation-hint"]')).toBe(
      'Код выглядит так: XXXX-XXXX-XXXX-XXXX-XXXX; пробелы и регистр букв не важны.',
    );
    await options.type('#activation-code', 'ABCD-1111-EFGH');
    await options.click('form.activation button[type="submit"]');
    await waitForText(
      options,
      '[data-testid="account-error"]',
      'Код активации недействителен или уже использован.',
    );
    // A well-formed code the service does not know reads the same.
    await options.click('#activation-code', { count: 3 });
    await options.type('#activation-code', 'AAAA-BBBB-CCCC-DDDD-EEEE');
    await options.click('form.activation button[type="submit"]');
    await waitFor(
      async () =>
        (await textOf(options, '[data-testid="account-error"]').catch(() => '')) ===
        'Код активации недействителен или уже использован.',
      'the service’s refusal',
    );
  });

  it('activates a real code and shows its end date the Russian way', async () => {
    const [code] = await service.context.subscriptions.createCodes(1, 30, 5);
    await options.click('#activation-code', { count: 3 });
    await options.type('#activation-code', code!);
    await options.click('form.activation button[type="submit"]');
    await options.waitForSelector('[data-testid="account-subscription"]', { timeout: 20_000 });
    // "1 января 2027 г.": Intl's long Russian date, never "1/1/2027".
    expect(await textOf(options, '[data-testid="account-subscription"]')).toMatch(
      /^Действует до \d{1,2} [а-я]+ \d{4} г\. · устройства: 1 из 5$/,
    );
    await shot(options, 'options-account-ru');
  });

  it('shows today’s traffic in the popup with Russian units', async () => {
    const popup = await openPopup(ext);
    // Unlimited since the activation above: the used bytes alone, in Russian units.
    await waitForText(
      popup,
      '[data-testid="popup-traffic"]',
      /^Трафик VPN сегодня: 0 байт \(без ограничений\)/,
    );
    await shot(popup, 'popup-ru');
    await popup.close();
  });

  it('lets the portal send the device to Optimal or a region by city and country, preselecting its region', async () => {
    await service.context.vpn.addGateway({ region: 'de', city: 'Frankfurt', host: 'fra.test', port: 8443 });
    // The device picks the new region as a person would: once its list has the gateway (an account sync,
    // which opening a page starts), through the region choice that checks the subscription.
    await waitFor(async () => {
      await sendFromPage(options, { type: 'getAccount' });
      return (await sendFromPage<{ ok: boolean }>(options, { type: 'selectRegion', region: 'de' })).ok;
    }, 'the device to list and pick the Frankfurt region');
    const page = await ext.browser.newPage();
    await page.goto(`${portalUrl}/sign-in`);
    await page.waitForSelector('#email');
    await page.type('#email', EMAIL);
    await page.type('#password', PASSWORD);
    await page.click('[data-testid="sign-in-submit"]');
    await waitFor(() => URL.parse(page.url())?.pathname === '/', 'the overview after signing in');
    await page.goto(`${portalUrl}/devices`);
    await page.waitForSelector('[data-testid="device-manage"]');
    const devicePage = await page.$eval('[data-testid="device-manage"]', (a) => a.getAttribute('href'));
    // The device reports its region shortly after the change; the page shows what it last reported.
    await waitFor(
      async () => {
        await page.goto(`${portalUrl}${devicePage}`);
        await page.waitForSelector('[data-testid="region-select"]');
        return (
          (await page.$eval('[data-testid="region-select"]', (s) => (s as HTMLSelectElement).value)) === 'de'
        );
      },
      'the device page to preselect the region the device uses',
      30_000,
    );
    const offered = await page.$$eval('[data-testid="region-select"] option', (items) =>
      items.map((o) => [(o as HTMLOptionElement).value, o.textContent]),
    );
    expect(offered).toEqual([
      ['optimal', 'Optimal'],
      ['de', 'Frankfurt, Germany'],
    ]);
    await page.$eval('[data-testid="command-region"]', (el) => el.scrollIntoView());
    await shot(page, 'portal-device-region-en');

    await page.goto(`${portalUrl}/subscription`);
    await waitForText(
      page,
      '#activation-hint',
      'Codes look like XXXX-XXXX-XXXX-XXXX-XXXX; spaces and case do not matter.',
    );
    await page.click('button[type="submit"]');
    await waitForText(page, '[data-testid="form-error"]', 'Enter your activation code.');
    await page.type('#activation-code', 'ABCD-1111-EFGH');
    await page.click('button[type="submit"]');
    await waitForText(
      page,
      '[data-testid="form-error"]',
      'This activation code is invalid or was already used.',
    );
    // Dates on the portal through Intl, in its language (the browser's, English here).
    expect(await page.$eval('[data-testid="subscription"]', (dl) => dl.textContent)).toMatch(
      /Expires[A-Z][a-z]+ \d{1,2}, \d{4}/,
    );
    await shot(page, 'portal-subscription-en');
    await page.close();
  });

  it('asks for the own gateway’s host once, in words', async () => {
    await showOptionsSection(options, 'own-gateway');
    await options.click('#gw-save');
    await options.waitForSelector('[data-testid="gateway-error-host"]');
    // Each refused field says why under itself: only the host, once.
    expect(
      await options.$$eval('.gateway-form .field-error', (els) => els.map((e) => e.textContent)),
    ).toEqual(['Укажите имя хоста или IP-адрес шлюза.']);
  });

  it('counts a bulk import’s added and refused lines and keeps only the refused ones', async () => {
    await showOptionsSection(options, 'site-rules');
    await options.click('details.bulk summary');
    await options.type(
      '#bulk-rules',
      [
        'one.example',
        'two.example',
        'bad host',
        'three.example',
        'four.example',
        'no!pe',
        'five.example',
      ].join('\n'),
    );
    await options.click('details.bulk .row button');
    await options.waitForSelector('[data-testid="bulk-outcome"]');
    expect(await textOf(options, '[data-testid="bulk-summary"]')).toBe(
      'Добавлено 5 правил. Не приняты 2 строки: они остались в поле, исправьте или удалите их.',
    );
    expect(await options.$eval('[data-testid="bulk-outcome"]', (p) => p.className)).toBe('notice info');
    expect(await options.$eval('#bulk-rules', (t) => (t as HTMLTextAreaElement).value)).toBe(
      'bad host\nno!pe',
    );
  });

  it('says a settings file has an unknown version, through a file button in Russian', async () => {
    await showOptionsSection(options, 'backup');
    expect(await textOf(options, '[data-testid="import-button"]')).toBe('Импорт из файла');
    const file = join(tmpdir(), `rampart-version-${process.pid}.json`);
    await writeFile(file, JSON.stringify({ kind: 'rampart-settings', settings: { version: '1.0' } }));
    const input = (await options.$('#import-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await waitForText(
      options,
      '[data-testid="backup-outcome"]',
      'У этого файла неизвестная версия настроек («1.0»), поэтому Rampart не может его прочитать. Ничего не изменено.',
    );
    await rm(file, { force: true });
    await shot(options, 'options-ru');
  });

  it('shows the same page in English', async () => {
    const english = await optionsIn('en');
    await english.waitForSelector('[data-testid="activation-hint"]');
    expect(await textOf(english, '[data-testid="activation-hint"]')).toBe(
      'Codes look like XXXX-XXXX-XXXX-XXXX-XXXX; spaces and case do not matter.',
    );
    await english.type('#activation-code', 'ABCD-1111-EFGH');
    await english.click('form.activation button[type="submit"]');
    await waitForText(
      english,
      '[data-testid="account-error"]',
      'This activation code is invalid or was already used.',
    );
    await showOptionsSection(english, 'own-gateway');
    await english.click('#gw-save');
    await english.waitForSelector('[data-testid="gateway-error-host"]');
    await shot(english, 'options-en');
    await english.close();
  });
});

describe('the warning page', () => {
  it.each([
    ['en', 'Proceed to this site for 10 minutes', /^After 10 minutes Rampart warns about this site again/],
    ['ru', 'Перейти на сайт на 10 минут', /^Через 10 минут Rampart снова предупредит об этом сайте/],
  ] as const)(
    'in %s says how long Proceed lasts, and Go back is the prominent choice',
    async (lang, proceed, note) => {
      const options = await optionsIn(lang);
      await options.close();
      const page = await ext.openPage('warning/index.html?url=http://malware.example/x');
      await page.waitForSelector('[data-testid="proceed"]');
      expect(await textOf(page, '[data-testid="proceed"]')).toBe(proceed);
      expect(await textOf(page, '[data-testid="proceed-note"]')).toMatch(note);
      const look = (selector: string) =>
        page.$eval(selector, (el) => {
          const style = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          return {
            background: style.backgroundColor,
            fontSize: parseFloat(style.fontSize),
            height: box.height,
          };
        });
      const back = await look('[data-testid="go-back"]');
      for (const risky of ['[data-testid="proceed"]', '[data-testid="always-allow"]']) {
        const secondary = await look(risky);
        expect(secondary.background).toBe('rgba(0, 0, 0, 0)');
        expect(back.background).not.toBe('rgba(0, 0, 0, 0)');
        expect(secondary.fontSize).toBeLessThan(back.fontSize);
        expect(secondary.height).toBeLessThan(back.height);
      }
      await shot(page, `warning-${lang}`);
      await page.close();
    },
  );
});

/** A message of a bundled catalogue, as the page should show it. */
const message = (lang: string, key: string): string => {
  const catalogue = JSON.parse(readFileSync(`extension/_locales/${lang}/messages.json`, 'utf8')) as Record<
    string,
    { message: string }
  >;
  const entry = catalogue[key];
  if (entry === undefined) throw new Error(`${lang} has no ${key}`);
  return entry.message;
};

const rootAttributes = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

describe('languages other than the browser’s', () => {
  afterAll(async () => {
    // Later files start from a fresh browser, but keep this one as it was for any test added below.
    const page = await ext.openPage('options/index.html');
    await page.waitForSelector('#kill-switch');
    await sendFromPage(page, { type: 'updateSettings', patch: { language: 'auto' } });
    await page.close();
  });

  it('the portal reads right to left in Arabic when chosen, and its menu switches to German', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${portalUrl}/sign-in`);
    await page.evaluate(() => localStorage.setItem('rampart.portal.language', 'ar'));
    await page.reload();
    await waitForText(page, 'h1', message('ar', 'portal_signIn_title'));
    expect(await rootAttributes(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    // The header sits mirrored: the brand at the right edge, the language menu at the left.
    const brand = await page.$eval('.brand', (el) => el.getBoundingClientRect().right);
    const menu = await page.$eval('[data-testid="language-menu"]', (el) => el.getBoundingClientRect().left);
    expect(brand).toBeGreaterThan(menu);
    await shot(page, 'portal-sign-in-ar');

    await page.select('[data-testid="language-menu"]', 'de');
    await waitForText(page, 'h1', message('de', 'portal_signIn_title'));
    expect(await rootAttributes(page)).toEqual({ lang: 'de', dir: 'ltr' });
    expect(await page.evaluate(() => localStorage.getItem('rampart.portal.language'))).toBe('de');

    // Back to the browser's language (English here) for the rest of this browser's portal visits.
    await page.select('[data-testid="language-menu"]', 'auto');
    await waitForText(page, 'h1', message('en', 'portal_signIn_title'));
    expect(await rootAttributes(page)).toEqual({ lang: 'en', dir: 'ltr' });
    await page.close();
  });

  it.each([
    ['de', 'ltr'],
    ['ar', 'rtl'],
  ])('the popup follows settings.language = %s (%s)', async (lang, dir) => {
    const options = await ext.openPage('options/index.html');
    await options.waitForSelector('#kill-switch');
    await sendFromPage(options, { type: 'updateSettings', patch: { language: lang } });
    await options.close();
    const popup = await openPopup(ext);
    expect(await rootAttributes(popup)).toEqual({ lang, dir });
    expect(await textOf(popup, '[data-testid="vpn-toggle"]')).toBe(message(lang, 'turnVpnOn'));
    await shot(popup, `popup-${lang}`);
    await popup.close();
  });
});
