// Mailed links carry their secret in the query (`/reset-password?token=…`): the request log must not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, newEmail, startServer, STRONG_PASSWORD, type TestServer } from './helpers';

let server: TestServer;
const lines: string[] = [];
beforeAll(async () => {
  server = await startServer({ overrides: { logStream: { write: (line) => void lines.push(line) } } });
}, 60_000);
afterAll(() => server.close(), 30_000);

const loggedUrls = () =>
  lines
    .map((line) => JSON.parse(line) as { req?: { url?: string } })
    .flatMap((entry) => (entry.req?.url === undefined ? [] : [entry.req.url]));

describe('request log', () => {
  it('logs mailed links with their token, code and state redacted', async () => {
    const email = newEmail('log');
    const client = new Client(server.url);
    expect((await client.post('/api/v1/accounts', { email, password: STRONG_PASSWORD })).status).toBe(202);
    const verifyToken = await server.tokenFrom(email, 'verify-email');
    expect((await client.post('/api/v1/password-resets', { email })).status).toBe(202);
    const resetToken = await server.tokenFrom(email, 'reset-password');

    // What a person's browser does with the mailed links, and the extension's hand-off page.
    await client.get(`/verify-email?token=${verifyToken}`);
    await client.get(`/reset-password?token=${resetToken}&lang=en`);
    await client.get('/link?state=hand-off-state-secret-123&extensionId=abcdef');
    await client.get('/api/v1/nothing?code=link-code-secret-456');

    const urls = loggedUrls();
    expect(urls).toContain('/verify-email?token=[redacted]');
    expect(urls).toContain('/reset-password?token=[redacted]&lang=en');
    expect(urls).toContain('/link?state=[redacted]&extensionId=abcdef');
    expect(urls).toContain('/api/v1/nothing?code=[redacted]');
    const everything = lines.join('\n');
    for (const secret of [verifyToken, resetToken, 'hand-off-state-secret-123', 'link-code-secret-456'])
      expect(everything).not.toContain(secret);
  });
});
