import { emailTokensRepository, usersRepository, type Database, type UserRow } from '../db';
import {
  alreadyRegisteredMail,
  passwordChangedMail,
  passwordResetMail,
  verificationMail,
  type Mail,
  type Mailer,
} from '../mail';
import type { MailJob } from '../mail/jobs';
import { hashToken, newToken } from '../security/tokens';
import { addSeconds } from './time';

const VERIFY_SECONDS = 24 * 3600;
const RESET_SECONDS = 3600;

/**
 * The mail worker's side of the account flows: looks the person up, makes the link's token and sends. Runs
 * off the request path (see `mail/queue.ts`), so what it finds never shows in an answer or its timing. A send
 * that fails throws, and the queue runs the job again later; each run makes a fresh token and spends the
 * ones before it, so only the link in the mail that arrived works.
 */
export function createAccountMail(deps: {
  db: Database;
  now: () => Date;
  mailer: Mailer;
  publicUrl: string;
}) {
  const users = usersRepository(deps.db);
  const emailTokens = emailTokensRepository(deps.db);
  const link = (path: string, token: string) =>
    `${deps.publicUrl}/${path}?token=${encodeURIComponent(token)}`;

  async function withToken(
    user: UserRow,
    purpose: 'verifyEmail' | 'resetPassword',
    seconds: number,
    mail: (url: string) => Mail,
  ): Promise<void> {
    const token = newToken();
    const now = deps.now();
    await emailTokens.spendAll(user.id, purpose, now);
    await emailTokens.insert({
      tokenHash: hashToken(token),
      userId: user.id,
      purpose,
      now,
      expiresAt: addSeconds(now, seconds),
    });
    await deps.mailer.send(mail(link(purpose === 'verifyEmail' ? 'verify-email' : 'reset-password', token)));
  }

  const verification = (user: UserRow) =>
    withToken(user, 'verifyEmail', VERIFY_SECONDS, (url) => verificationMail(user.email, url));

  return {
    async deliver(job: MailJob): Promise<void> {
      switch (job.kind) {
        case 'verifyEmail': {
          const user = await users.byId(job.userId);
          if (user && user.emailVerifiedAt === null) await verification(user);
          return;
        }
        case 'resendVerification': {
          const user = await users.byEmail(job.email);
          if (user && user.emailVerifiedAt === null) await verification(user);
          return;
        }
        case 'passwordReset': {
          const user = await users.byEmail(job.email);
          if (user)
            await withToken(user, 'resetPassword', RESET_SECONDS, (url) =>
              passwordResetMail(user.email, url),
            );
          return;
        }
        case 'alreadyRegistered':
          return deps.mailer.send(
            alreadyRegisteredMail(job.email, `${deps.publicUrl}/sign-in`, `${deps.publicUrl}/reset-password`),
          );
        case 'passwordChanged':
          return deps.mailer.send(passwordChangedMail(job.email));
      }
    },
  };
}
export type AccountMail = ReturnType<typeof createAccountMail>;
