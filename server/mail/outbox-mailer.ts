import { outboxRepository, type Queryable } from '../db';
import type { Mailer } from './mailer';

/** Keeps mail in the database for GET /dev/outbox when no SMTP server is configured. */
export function createOutboxMailer(db: Queryable, now: () => Date): Mailer {
  const outbox = outboxRepository(db);
  return {
    send: (mail) =>
      outbox.insert({
        recipient: mail.to,
        subject: mail.subject,
        textBody: mail.text,
        htmlBody: mail.html,
        createdAt: now(),
      }),
  };
}
