// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '../../../src/messages';
import { err, ok, type Result } from '../../../src/result';
import { defaultSettings, type Settings } from '../../../src/settings';
import { PageContext, Toggle, useSettings } from '../../../src/ui';

afterEach(cleanup);

/** A background the test answers by hand: every `updateSettings` waits for `answerUpdate`. */
function fakeBackground(first: Settings) {
  let stored = first;
  let listener: (() => void) | null = null;
  const updates: Array<(reply: Result<Settings>) => void> = [];
  const send = (async (message: { type: string }) => {
    if (message.type === 'getSettings') return ok(stored);
    if (message.type === 'updateSettings') return new Promise((resolve) => updates.push(resolve));
    throw new Error(`unexpected ${message.type}`);
  }) as unknown as Client;
  return {
    send,
    subscribe: (next: () => void) => ((listener = next), () => (listener = null)),
    /** The background saved a value (storage changed): pages are told. */
    store(value: Settings) {
      stored = value;
      listener?.();
    },
    answerUpdate: (reply: Result<Settings>) => updates.shift()!(reply),
  };
}

function Page() {
  const { settings, error, update } = useSettings();
  if (!settings) return <p>loading</p>;
  return (
    <>
      <Toggle
        id="kill-switch"
        label="Kill switch"
        checked={settings.killSwitch}
        onChange={(killSwitch) => void update({ killSwitch })}
      />
      <p data-testid="error">{error?.code ?? '-'}</p>
    </>
  );
}

async function mount(background: ReturnType<typeof fakeBackground>) {
  render(
    <PageContext.Provider value={{ t: (key) => key, language: 'en', ...background }}>
      <Page />
    </PageContext.Provider>,
  );
  return (await screen.findByRole('switch')) as HTMLInputElement;
}

const flush = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))));

describe('useSettings: a change shows from the click, through the save, to the answer', () => {
  it('keeps a turned switch turned while the page is drawn again before the save answers', async () => {
    const background = fakeBackground(defaultSettings);
    const killSwitch = await mount(background);
    expect(killSwitch.checked).toBe(false);

    fireEvent.click(killSwitch);
    expect(killSwitch.checked).toBe(true);
    // The page re-reads on a storage change before the save's answer: here another page changed another
    // setting, so the read still says the kill switch is off. Drawn again, the switch must stay on.
    background.store({ ...defaultSettings, autoConnect: true });
    await flush();
    expect(killSwitch.checked).toBe(true);

    background.answerUpdate(ok({ ...defaultSettings, autoConnect: true, killSwitch: true }));
    await flush();
    expect(killSwitch.checked).toBe(true);
    expect(screen.getByTestId('error').textContent).toBe('-');
  });

  it('puts the switch back, beside the error, when the save fails', async () => {
    const background = fakeBackground(defaultSettings);
    const killSwitch = await mount(background);

    fireEvent.click(killSwitch);
    await flush();
    expect(killSwitch.checked).toBe(true);

    background.answerUpdate(err({ code: 'storageFailed', messageKey: 'errorStorage' }));
    await flush();
    expect(killSwitch.checked).toBe(false);
    expect(screen.getByTestId('error').textContent).toBe('storageFailed');
  });

  it('shows two quick changes together, and the saved settings once both are answered', async () => {
    const background = fakeBackground(defaultSettings);
    const killSwitch = await mount(background);

    fireEvent.click(killSwitch);
    fireEvent.click(killSwitch);
    fireEvent.click(killSwitch);
    await flush();
    expect(killSwitch.checked).toBe(true);

    background.answerUpdate(ok({ ...defaultSettings, killSwitch: true }));
    background.answerUpdate(ok({ ...defaultSettings, killSwitch: false }));
    await flush();
    // The last click's save is still out: the switch shows it.
    expect(killSwitch.checked).toBe(true);
    background.answerUpdate(ok({ ...defaultSettings, killSwitch: true }));
    await flush();
    expect(killSwitch.checked).toBe(true);
  });
});
