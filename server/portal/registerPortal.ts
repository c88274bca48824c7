import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PORTAL_SPA_ROUTES } from './spaRoutes';

/** Where `npm run build` puts the portal; RAMPART_PORTAL_DIR points elsewhere (tests build into a temp folder). */
export const portalDistDir = (): string =>
  process.env.RAMPART_PORTAL_DIR ?? fileURLToPath(new URL('../../dist-portal', import.meta.url));

// The app needs nothing from other origins; the QR code is a data: image drawn in the page.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>My Rampart</title>
<h1>The portal is not built yet</h1><p>Run <code>npm run build</code> (or <code>npm run build:portal</code>), then reload this page.</p></html>`;

const page = (reply: FastifyReply, status: number, html: string) =>
  reply
    .code(status)
    .type('text/html; charset=utf-8')
    // The HTML names the current hashed assets, so it must never be served stale after a rebuild.
    .header('cache-control', 'no-cache')
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .send(html);

/** Paths whose unknown addresses are answered by the API's JSON 404, never by the portal's page. */
const MACHINE_PREFIXES = ['/api/', '/dev/', '/assets/'];
const isMachinePath = (path: string) =>
  path === '/api' || path === '/dev' || MACHINE_PREFIXES.some((prefix) => path.startsWith(prefix));

/**
 * Serves the portal (a single-page app) from `distDir`: hashed assets under /assets/, and index.html for each
 * portal page. Any other address a person can open shows the portal's own "page not found" (the app, with a
 * 404 status), while unknown API, development and asset paths keep the API's JSON 404. When the portal is not
 * built the pages say how to build it; the API is unaffected either way.
 */
export async function registerPortal(app: FastifyInstance, distDir: string): Promise<void> {
  // Encapsulated, so the static plugin's routes and hooks stay with the portal.
  await app.register(async (portal) => {
    await portal.register(fastifyStatic, {
      root: join(distDir, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      // File names carry a content hash: a changed file is a new URL.
      immutable: true,
      maxAge: '365d',
    });
    const indexFile = join(distDir, 'index.html');
    // Read per request: cheap for one small file, and a rebuild shows without a restart.
    const app = async (reply: FastifyReply, status: number) => {
      const html = await readFile(indexFile, 'utf8').catch(() => null);
      return html === null ? page(reply, 503, NOT_BUILT) : page(reply, status, html);
    };
    for (const route of PORTAL_SPA_ROUTES) portal.get(route, async (_request, reply) => app(reply, 200));
    // The app's router shows its not-found page for an address it does not know.
    portal.get('/*', async (request, reply) =>
      isMachinePath(request.url.split('?')[0] ?? '') ? reply.callNotFound() : app(reply, 404),
    );
  });
}
