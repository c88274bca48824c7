// Wiring only: the real browser APIs go in here, the logic lives in the modules this file imports.
// Every listener is registered synchronously on the first turn, so events that woke the worker are not lost.
import browser from 'webextension-polyfill';
import { appError, err } from '../src/result';
import { connectionStates, type ConnectionState } from '../src/status';
import { createHandlers } from './handlers';
import type { KeyValueArea, Platform } from './platform';
import { createReadyGate } from './ready';
import { createRouter } from './router';
import { createSettingsStore } from './settingsStore';

const area = (storage: browser.Storage.StorageArea): KeyValueArea => ({
  get: async (key) => (await storage.get(key))[key],
  set: (key, value) => storage.set({ [key]: value }),
  remove: (key) => storage.remove(key),
});

const platform: Platform = {
  local: area(browser.storage.local),
  session: area(browser.storage.session),
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  extensionVersion: browser.runtime.getManifest().version,
  now: () => new Date(),
};

const settings = createSettingsStore(platform.local);

const connectionState = async (): Promise<ConnectionState> => {
  const stored = await platform.session.get('connectionState');
  return connectionStates.find((state) => state === stored) ?? 'off';
};

const whenReady = createReadyGate(async () => {
  await settings.get();
}, 10_000);

const route = createRouter(
  createHandlers({ platform, settings, connectionState }),
  platform.extensionId,
  platform.extensionOrigin,
);

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  whenReady().then(
    () => route(message, sender),
    (error: unknown) => err(appError('notReady', 'errorBackgroundUnavailable', [String(error)])),
  ),
);
