// Mail goes through a durable queue in the database: the answer does not wait for it, the worker delivers
// it, a failed send is tried again later, and a mail is delivered once even with two instances on one
// database, also when the instance that queued it stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db';
import type { Mail, Mailer } from '../../../server/mail';
import { testDatabase } from './database';
import { Client, newEmail, startServer, STRONG_PASSWORD, type TestServer } from './helpers';

const quickRetries = {
  retryLimit: 3,
  retryDelaySeconds: 1,
  pollIntervalMs: 200,
  claimTimeoutSeconds: 60,
  maintenanceIntervalSeconds: 60,
};

async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A mailer that records what it sent, and can be held or made to fail. */
function recordingMailer() {
  const sent: Mail[] = [];
  const state = { failuresLeft: 0, attempts: 0, hold: null as Promise<void> | null, delayMs: 0 };
  const mailer: Mailer = {
    async send(mail) {
      state.attempts++;
      if (state.hold) await state.hold;
      if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
      if (state.failuresLeft > 0) {
        state.failuresLeft--;
        throw new Error('SMTP server unavailable');
      }
      sent.push(mail);
    },
  };
  return { mailer, sent, state, to: (address: string) => sent.filter((m) => m.to === address) };
}

describe('mail queue', () => {
  let server: TestServer;
  const mail = recordingMailer();
  beforeAll(async () => {
    server = await startServer({ config: { mailQueue: quickRetries }, overrides: { mailer: mail.mailer } });
  }, 60_000);
  afterAll(() => server.close(), 30_000);

  it('answers before the mail is sent; the worker then delivers it', async () => {
    const email = newEmail('queued');
    await new Client(server.url).post('/api/v1/accounts', { email, password: STRONG_PASSWORD });
    await waitFor('the verification mail', () => mail.to(email)[0]);

    let release = () => {};
    mail.state.hold = new Promise<void>((resolve) => (release = resolve));
    const attemptsBefore = mail.state.attempts;
    const reply = await new Client(server.url).post('/api/v1/password-resets', { email });
    expect(reply.status).toBe(202);
    // The worker has started sending, the answer is already here, and the mail is not out yet.
    await waitFor('the worker to start sending', () =>
      mail.state.attempts > attemptsBefore ? true : undefined,
    );
    expect(mail.to(email).filter((m) => /Reset/.test(m.subject))).toHaveLength(0);
    mail.state.hold = null;
    release();
    const reset = await waitFor('the reset mail', () => mail.to(email).find((m) => /Reset/.test(m.subject)));
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(reset.text)?.[1];
    const confirm = await new Client(server.url).post('/api/v1/password-resets/confirm', {
      token,
      password: 'An0ther-Str0ng-Passphrase',
    });
    expect(confirm.status).toBe(204);
  });

  it('tries a failed send again later, and delivers it once; only the delivered link works', async () => {
    const email = newEmail('retried');
    mail.state.failuresLeft = 2;
    const reply = await new Client(server.url).post('/api/v1/accounts', { email, password: STRONG_PASSWORD });
    expect(reply.status).toBe(202);
    const delivered = await waitFor('the retried mail', () => mail.to(email)[0], 20_000);
    expect(mail.state.failuresLeft).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(mail.to(email)).toHaveLength(1);
    const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(delivered.text)?.[1];
    const verified = await new Client(server.url).post('/api/v1/accounts/verify-email', { token });
    expect(verified.status).toBe(200);
  }, 30_000);

  it('reports the mails waiting to be sent as the queue depth metric', async () => {
    const depth = async () =>
      Number(/^rampart_mail_queue_depth (\d+)$/m.exec(await server.app.metrics.registry.metrics())?.[1]);
    await server.app.mailQueue.drain();
    expect(await depth()).toBe(0);
    mail.state.failuresLeft = 1_000;
    for (let i = 0; i < 3; i += 1)
      await new Client(server.url).post('/api/v1/accounts', {
        email: newEmail('waiting'),
        password: STRONG_PASSWORD,
      });
    // Each send failed once and waits for its retry.
    await waitFor('three mails waiting', async () => ((await depth()) === 3 ? true : undefined));
    mail.state.failuresLeft = 0;
    await waitFor('the queue to empty', async () => ((await depth()) === 0 ? true : undefined), 20_000);
  }, 30_000);

  it('says nothing different when every send fails', async () => {
    mail.state.failuresLeft = 1_000;
    const client = new Client(server.url);
    expect((await client.post('/api/v1/password-resets', { email: newEmail('down') })).status).toBe(202);
    expect(
      (await client.post('/api/v1/accounts', { email: newEmail('down'), password: STRONG_PASSWORD })).status,
    ).toBe(202);
    mail.state.failuresLeft = 0;
  });
});

describe('mail queue with two instances on one database', () => {
  let db: Database;
  let first: TestServer;
  let second: TestServer;
  const firstMail = recordingMailer();
  const secondMail = recordingMailer();
  beforeAll(async () => {
    db = await testDatabase();
    const config = { mailQueue: quickRetries };
    first = await startServer({ db, config, overrides: { mailer: firstMail.mailer } });
    second = await startServer({ db, config, overrides: { mailer: secondMail.mailer } });
  }, 60_000);
  afterAll(async () => {
    await second.close();
    await db.close();
  }, 30_000);

  it('delivers each mail exactly once while both instances work the queue', async () => {
    // A slow mail server, so both instances' workers are busy at the same time.
    firstMail.state.delayMs = 40;
    secondMail.state.delayMs = 40;
    const emails = Array.from({ length: 30 }, () => newEmail('pair'));
    await Promise.all(
      emails.map((email, i) =>
        new Client(i % 2 === 0 ? first.url : second.url).post('/api/v1/accounts', {
          email,
          password: STRONG_PASSWORD,
        }),
      ),
    );
    const both = () => [...firstMail.sent, ...secondMail.sent];
    await waitFor('all 30 mails', () =>
      emails.every((e) => both().some((m) => m.to === e)) ? true : undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const email of emails) expect(both().filter((m) => m.to === email)).toHaveLength(1);
    expect(firstMail.sent.length).toBeGreaterThan(0);
    expect(secondMail.sent.length).toBeGreaterThan(0);
    console.info(
      `two instances delivered ${firstMail.sent.length} and ${secondMail.sent.length} of 30 mails, none twice`,
    );
  });

  it('delivers a mail queued by an instance that then stopped', async () => {
    const email = newEmail('orphan');
    firstMail.state.failuresLeft = 1_000; // the first instance cannot reach its mail server…
    const reply = await new Client(first.url).post('/api/v1/password-resets', {
      email: 'nobody@example.com',
    });
    expect(reply.status).toBe(202);
    const signUp = await new Client(first.url).post('/api/v1/accounts', { email, password: STRONG_PASSWORD });
    expect(signUp.status).toBe(202);
    await first.close(); // …and stops.
    const delivered = await waitFor('the orphaned mail', () => secondMail.to(email)[0], 20_000);
    expect(delivered.subject).toMatch(/Confirm your email/);
    expect(firstMail.to(email)).toHaveLength(0);
  }, 30_000);
});

describe('mail queue when an instance dies while sending', () => {
  let db: Database;
  let dying: TestServer;
  let survivor: TestServer | undefined;
  const dyingMail = recordingMailer();
  const survivorMail = recordingMailer();
  let crash = (_error: Error) => {};
  const config = { mailQueue: { ...quickRetries, claimTimeoutSeconds: 1, maintenanceIntervalSeconds: 1 } };
  beforeAll(async () => {
    db = await testDatabase();
    dying = await startServer({ db, config, overrides: { mailer: dyingMail.mailer } });
  }, 60_000);
  afterAll(async () => {
    crash(new Error('the instance is gone'));
    await dying.close();
    await survivor?.close();
    await db.close();
  }, 30_000);

  it('hands the claimed mail to another instance once the claim times out, and it is sent once', async () => {
    // The first instance claims the job and never finishes sending it (as if its process had been killed).
    dyingMail.state.hold = new Promise<void>((_resolve, reject) => (crash = reject));
    const email = newEmail('claimed');
    const reply = await new Client(dying.url).post('/api/v1/accounts', { email, password: STRONG_PASSWORD });
    expect(reply.status).toBe(202);
    await waitFor('the first instance to claim it', () => (dyingMail.state.attempts > 0 ? true : undefined));
    survivor = await startServer({ db, config, overrides: { mailer: survivorMail.mailer } });
    const delivered = await waitFor(
      'the mail from the other instance',
      () => survivorMail.to(email)[0],
      20_000,
    );
    expect(delivered.subject).toMatch(/Confirm your email/);
    expect(dyingMail.to(email)).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(survivorMail.to(email)).toHaveLength(1);
    const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(delivered.text)?.[1];
    expect((await new Client(survivor.url).post('/api/v1/accounts/verify-email', { token })).status).toBe(
      200,
    );
  }, 30_000);
});
