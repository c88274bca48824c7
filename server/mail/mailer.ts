export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where mail goes: an SMTP server, or the local outbox in development. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close?(): void;
}
