import type { Mail } from './mailer';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function withLink(
  to: string,
  subject: string,
  intro: string,
  linkText: string,
  url: string,
  outro: string,
): Mail {
  return {
    to,
    subject,
    text: `${intro}\n\n${url}\n\n${outro}\n\n— Rampart`,
    html: `<p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(linkText)}</a></p><p>${escapeHtml(outro)}</p><p>— Rampart</p>`,
  };
}

export const verificationMail = (to: string, url: string): Mail =>
  withLink(
    to,
    'Confirm your email for My Rampart',
    'Welcome to Rampart. Confirm your email address to finish creating your account:',
    'Confirm my email',
    url,
    'The link works once and expires in 24 hours. If you did not sign up, ignore this message.',
  );

export const alreadyRegisteredMail = (to: string, signInUrl: string, resetUrl: string): Mail => ({
  to,
  subject: 'You already have a Rampart account',
  text: `Someone (probably you) tried to create a Rampart account with this address, but you already have one.\n\nSign in: ${signInUrl}\nForgot your password? ${resetUrl}\n\nIf it was not you, you can ignore this message.\n\n— Rampart`,
  html: `<p>Someone (probably you) tried to create a Rampart account with this address, but you already have one.</p><p><a href="${escapeHtml(signInUrl)}">Sign in</a> · <a href="${escapeHtml(resetUrl)}">Reset your password</a></p><p>If it was not you, you can ignore this message.</p><p>— Rampart</p>`,
});

export const passwordResetMail = (to: string, url: string): Mail =>
  withLink(
    to,
    'Reset your Rampart password',
    'We received a request to reset the password of your Rampart account:',
    'Choose a new password',
    url,
    'The link works once and expires in 1 hour. If you did not ask for it, ignore this message: your password stays the same.',
  );

export const passwordChangedMail = (to: string): Mail => ({
  to,
  subject: 'Your Rampart password was changed',
  text: 'The password of your Rampart account was just changed and your other sessions were signed out. If it was not you, reset your password now.\n\n— Rampart',
  html: '<p>The password of your Rampart account was just changed and your other sessions were signed out. If it was not you, reset your password now.</p><p>— Rampart</p>',
});
