import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { outboxRepository } from '../db';
import { parse } from '../http/validate';
import type { RouteContext } from './context';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const linkify = (text: string): string =>
  escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

const outboxQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50) });

/**
 * Development only: the mails that would have been sent, newest first, with clickable links. Never
 * registered in production, nor when real SMTP delivery is configured.
 */
export function devOutboxRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const outbox = outboxRepository(ctx.db);
  app.get('/dev/outbox', async (request, reply) => {
    const { limit } = parse(outboxQuery, request.query, 'query');
    // Mail is made by the worker just after the answer that queued it; show it even if it is still due.
    await ctx.mailQueue.drain();
    const mails = await outbox.latest(limit);
    const items = mails
      .map(
        (m) =>
          `<article><h2>${escapeHtml(m.subject)}</h2><p><small>To ${escapeHtml(m.recipient)} · ${m.createdAt.toISOString()}</small></p><pre>${linkify(m.textBody)}</pre></article>`,
      )
      .join('<hr>');
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>Rampart dev outbox</title><style>body{font:14px system-ui;max-width:50em;margin:2em auto}pre{white-space:pre-wrap}</style><h1>Dev outbox (${mails.length})</h1>${items || '<p>No mail yet.</p>'}</html>`,
      );
  });
}
