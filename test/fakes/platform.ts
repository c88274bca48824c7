import type { KeyValueArea, Platform } from '../../background/platform';

/** An in-memory storage area that stores copies, as the browser does (no shared references). */
export function memoryArea(initial: Record<string, unknown> = {}): KeyValueArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    get: async (key) => structuredClone(data[key]),
    set: async (key, value) => {
      data[key] = structuredClone(value);
    },
    remove: async (key) => {
      delete data[key];
    },
  };
}

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

export function fakePlatform(overrides: Partial<Platform> = {}): Platform {
  return {
    local: memoryArea(),
    session: memoryArea(),
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    extensionVersion: '9.9.9',
    now: () => new Date('2026-11-23T12:00:00Z'),
    ...overrides,
  };
}

export const ownPage = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}options/index.html` };
