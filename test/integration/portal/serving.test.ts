// The account service serves the portal: the app's HTML on every portal page (so mailed links and reloads
// work), its hashed assets, and a build hint when the portal is not built; /api and /dev stay untouched.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../../portal/paths';
import { PORTAL_SPA_ROUTES } from '../../../server/portal/spaRoutes';
import { startServer, type TestServer } from '../server/helpers';

let distDir: string;
let server: TestServer;

beforeAll(async () => {
  distDir = await mkdtemp(join(tmpdir(), 'rampart-portal-'));
  await build({
    configFile: resolve('vite.portal.config.ts'),
    logLevel: 'warn',
    build: { outDir: distDir, emptyOutDir: true },
  });
  process.env.RAMPART_PORTAL_DIR = distDir;
  server = await startServer();
}, 120_000);

afterAll(async () => {
  await server.close();
  delete process.env.RAMPART_PORTAL_DIR;
  await rm(distDir, { recursive: true, force: true });
}, 30_000);

const get = (path: string) => fetch(`${server.url}${path}`);
const assetUrls = (html: string) =>
  [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');

describe('portal pages', () => {
  it('serves every page of the portal router, and only those', () => {
    expect([...PORTAL_SPA_ROUTES].sort()).toEqual(Object.values(paths).sort());
  });

  it.each([...PORTAL_SPA_ROUTES])('answers %s with the app', async (route) => {
    const reply = await get(route);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(reply.headers.get('cache-control')).toBe('no-cache');
    expect(reply.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await reply.text();
    expect(html).toContain('<div id="root"></div>');
    expect(assetUrls(html).some((url) => url.endsWith('.js'))).toBe(true);
  });

  it('keeps the query of mailed links (the page reads the token itself)', async () => {
    for (const link of [
      '/verify-email?token=abc_DEF-123456789012',
      '/reset-password?token=abc_DEF-123456789012',
      '/link?state=x&extensionId=y',
    ]) {
      const reply = await get(link);
      expect(reply.status).toBe(200);
      expect(await reply.text()).toContain('<div id="root"></div>');
    }
  });

  it('serves the hashed assets the HTML names, cacheable for good', async () => {
    const urls = assetUrls(await (await get('/')).text());
    expect(urls.length).toBeGreaterThanOrEqual(2);
    for (const url of urls) {
      const reply = await get(url);
      expect(reply.status, url).toBe(200);
      expect(reply.headers.get('content-type')).toMatch(url.endsWith('.css') ? /^text\/css/ : /javascript/);
      expect(reply.headers.get('cache-control')).toContain('immutable');
      expect((await reply.text()).length).toBeGreaterThan(100);
    }
  });

  it('answers an unknown page with the portal (its "page not found"), as a 404', async () => {
    for (const path of ['/no-such-page', '/index.html', '/devices/x/y?z=1']) {
      const reply = await get(path);
      expect(reply.status, path).toBe(404);
      expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(reply.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await reply.text()).toContain('<div id="root"></div>');
    }
  });

  it('answers a missing asset or an unknown API or development path with the API’s JSON 404', async () => {
    for (const path of ['/assets/nope-123.js', '/api', '/api/v1/nope', '/dev/nope']) {
      const reply = await get(path);
      expect(reply.status, path).toBe(404);
      expect((await reply.json()).error.code).toBe('notFound');
    }
  });
});

describe('the API next to the portal', () => {
  it('answers /api as before', async () => {
    const account = await get('/api/v1/account');
    expect(account.status).toBe(401);
    expect((await account.json()).error.code).toBe('unauthenticated');
    const unknown = await get('/api/v1/no-such-endpoint');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/json');
    const signUp = await fetch(`${server.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'portal-serving@example.com', password: 'Vr7kq9Lmz2Xw' }),
    });
    expect(signUp.status).toBe(202);
  });

  it('keeps the development outbox at /dev/outbox', async () => {
    const reply = await get('/dev/outbox');
    expect(reply.status).toBe(200);
    const html = await reply.text();
    expect(html).toContain('Dev outbox');
    expect(html).not.toContain('<div id="root">');
  });
});

describe('without a built portal', () => {
  it('still starts, says how to build the portal, and serves the API', async () => {
    process.env.RAMPART_PORTAL_DIR = join(distDir, 'missing');
    const bare = await startServer();
    process.env.RAMPART_PORTAL_DIR = distDir;
    try {
      const page = await fetch(`${bare.url}/sign-in`);
      expect(page.status).toBe(503);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain('npm run build');
      expect((await fetch(`${bare.url}/api/v1/account`)).status).toBe(401);
    } finally {
      await bare.close();
    }
  });
});
