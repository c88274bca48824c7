import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../server/app';
import type { Database } from '../../../server/db';
import { testDatabase } from './database';
import { Client, newEmail, STRONG_PASSWORD, testConfig } from './helpers';

interface Caught {
  from: string;
  to: string[];
  raw: string;
}

let smtp: SMTPServer;
let caught: Caught[] = [];
let db: Database;
let productionDb: Database;
let viaSmtp: App;
let production: App;
let smtpUrl = '';

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to trust in the test.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        caught.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  db = await testDatabase();
  viaSmtp = await buildApp(testConfig({ smtpUrl, mailFrom: 'Rampart <no-reply@rampart.test>' }), { db });
  // Its own database: instances on one database share one mail queue, and so must share one mail server.
  productionDb = await testDatabase();
  production = await buildApp(testConfig({ production: true }), { db: productionDb });
  await viaSmtp.listen();
  await production.listen();
}, 60_000);

afterAll(async () => {
  await viaSmtp.close();
  await production.close();
  await db.close();
  await productionDb.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

const urlOf = (app: App) => {
  const address = app.fastify.server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
};

describe('mail over SMTP', () => {
  it('delivers the verification mail through SMTP_URL; the link verifies the account', async () => {
    caught = [];
    const email = newEmail('smtp');
    const client = new Client(urlOf(viaSmtp));
    expect((await client.post('/api/v1/accounts', { email, password: STRONG_PASSWORD })).status).toBe(202);
    // Sent by the mail worker just after the answer.
    for (let i = 0; i < 400 && caught.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(caught).toHaveLength(1);
    const [mail] = caught;
    expect(mail?.from).toBe('no-reply@rampart.test');
    expect(mail?.to).toEqual([email]);
    expect(mail?.raw).toMatch(/Subject: Confirm your email for My Rampart/);
    // Quoted-printable may wrap long lines with "=\r\n".
    const body = (mail?.raw ?? '').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(body)?.[1];
    expect(token).toBeDefined();
    expect((await client.post('/api/v1/accounts/verify-email', { token })).status).toBe(200);
  });

  it('keeps the answer the same when the SMTP server is down (no enumeration through errors)', async () => {
    const brokenDb = await testDatabase();
    const broken = await buildApp(testConfig({ smtpUrl: 'smtp://127.0.0.1:1' }), { db: brokenDb });
    try {
      await broken.listen();
      const reply = await new Client(urlOf(broken)).post('/api/v1/password-resets', {
        email: newEmail('down'),
      });
      expect(reply.status).toBe(202);
      const signUp = await new Client(urlOf(broken)).post('/api/v1/accounts', {
        email: newEmail('down'),
        password: STRONG_PASSWORD,
      });
      expect(signUp.status).toBe(202);
    } finally {
      await broken.close();
      await brokenDb.close();
    }
  });

  it('serves no dev outbox with SMTP configured or in production', async () => {
    expect((await fetch(`${urlOf(viaSmtp)}/dev/outbox`)).status).toBe(404);
    expect((await fetch(`${urlOf(production)}/dev/outbox`)).status).toBe(404);
  });
});
