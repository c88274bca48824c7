import type { Queryable } from '../database';

export interface OutboxMail {
  id: number;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  createdAt: Date;
}

export const outboxRepository = (db: Queryable) => ({
  async insert(mail: Omit<OutboxMail, 'id'>): Promise<void> {
    await db.query(
      'INSERT INTO outbox (recipient, subject, text_body, html_body, created_at) VALUES ($1, $2, $3, $4, $5)',
      [mail.recipient, mail.subject, mail.textBody, mail.htmlBody, mail.createdAt],
    );
  },

  async latest(limit: number): Promise<OutboxMail[]> {
    const { rows } = await db.query<OutboxMail>(
      `SELECT id::int AS id, recipient, subject, text_body AS "textBody", html_body AS "htmlBody", created_at AS "createdAt"
       FROM outbox ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return rows;
  },
});
