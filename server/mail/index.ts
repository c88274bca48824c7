export type { Mail, Mailer } from './mailer';
export { createSmtpMailer } from './smtp-mailer';
export { createOutboxMailer } from './outbox-mailer';
export * from './templates';
