/**
 * The browser as the background logic sees it: small interfaces that vitest fakes with plain objects.
 * Only `index.ts` builds the real one from `webextension-polyfill`.
 */
export interface KeyValueArea {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface Platform {
  local: KeyValueArea;
  session: KeyValueArea;
  extensionId: string;
  extensionOrigin: string;
  extensionVersion: string;
  now(): Date;
}

/** Who sent a runtime message, as far as the router needs to know. */
export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  origin?: string | undefined;
}
