// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Options } from '../../../options/Options';
import { appError } from '../../../src/result';
import { optionsBackground } from '../../fakes/optionsBackground';
import { renderPage } from '../../fakes/renderPage';

afterEach(cleanup);
beforeEach(() => {
  location.hash = '#account';
});

const errorLines = () =>
  [...screen.getByTestId('account-error').querySelectorAll('p')].map((p) => p.textContent);

async function account() {
  const client = optionsBackground();
  renderPage(<Options />, client);
  await screen.findByTestId('sign-in-form');
  return client;
}

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('the account section on a fake background', () => {
  it('names each empty field without sending anything', async () => {
    const client = await account();
    await act(() => void fireEvent.submit(screen.getByTestId('sign-in-form')));
    expect(errorLines()).toHaveLength(2);
    expect(client.sentOf('signIn')).toEqual([]);
  });

  it('asks for the code when the account has two-step verification, then shows the linked account', async () => {
    const client = await account();
    client.handle('signIn', (request) =>
      request.code === '123456'
        ? { ok: true, value: { linked: true, email: request.email, tier: 'free' } }
        : { ok: false, error: appError('twoFactorRequired', 'apiError_twoFactorRequired') },
    );
    fill('Email', 'ann@example.com');
    fill('Password', 'Correct-horse-1');
    await act(() => void fireEvent.submit(screen.getByTestId('sign-in-form')));
    await waitFor(() =>
      expect(errorLines()).toEqual(['Enter the 6-digit code from your authenticator app.']),
    );
    fill('Code from your authenticator app', '123456');
    await act(() => void fireEvent.submit(screen.getByTestId('sign-in-form')));
    await waitFor(() =>
      expect(screen.getByTestId('account-email').textContent).toBe('Signed in as ann@example.com'),
    );
    expect(screen.queryByTestId('account-error')).toBeNull();
    expect(client.sentOf('signIn')).toEqual([
      { type: 'signIn', email: 'ann@example.com', password: 'Correct-horse-1' },
      { type: 'signIn', email: 'ann@example.com', password: 'Correct-horse-1', code: '123456' },
    ]);
  });

  it('sends one sign-in for a double click', async () => {
    const client = await account();
    const held = client.hold('signIn');
    client.fail('signIn', appError('invalidCredentials', 'apiError_invalidCredentials'));
    fill('Email', 'ann@example.com');
    fill('Password', 'Wrong-password-1');
    const submit = screen.getByRole('button', { name: 'Sign in' });
    await act(() => void fireEvent.click(submit));
    await act(() => void fireEvent.click(submit));
    held.release();
    await waitFor(() => expect(errorLines()).toEqual(['Wrong email or password.']));
    expect(client.sentOf('signIn')).toHaveLength(1);
  });
});
