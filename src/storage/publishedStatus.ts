// The status the background publishes in `storage.session` each time it redraws the toolbar button, so the
// popup can draw the button's state at once, without waiting for a stopped worker to start (issue 16's speed
// budget). Declared with its schema as `stored.publishedStatus` (./vpnValues.ts); this module is free of
// schemas because the popup reads the value before zod is loaded.
import { isRecord } from '../guards/isRecord';
import { isUiLanguage } from '../i18n/languages';
import type { Language } from '../settings/schema';
import { connectionStates } from '../status/stateNames';
import type { ConnectionStatus } from '../status/states';
import type { DocumentLanguage } from '../ui/documentLanguage';

/** The key in `storage.session`. */
export const PUBLISHED_STATUS_KEY = 'publishedStatus';

/** The popup's first frame as the background drew it: its markup, and the page's language, direction and title. */
export interface PublishedFrame extends DocumentLanguage {
  html: string;
}

export interface PublishedStatus {
  /** The status as `getStatus` answered it when the toolbar button was last drawn from it. */
  status: ConnectionStatus;
  /** The language chosen in the settings ('auto': the browser's), so the first draw reads in it. */
  language: Language;
  /**
   * The popup's first frame for this status, drawn by the background (src/ui/popupTop/firstFrame.tsx) in the
   * language of the settings: the popup's first script shows it as it is, without loading the code that draws
   * it (issue 16's speed budget). Absent when the background could not draw it: the popup's module then draws
   * first.
   */
  frame?: PublishedFrame;
}

/**
 * The published status in what `storage.session.get` returned, or null when there is none this browser
 * session (after a browser restart, an extension update) or it is not one this popup can draw. The background
 * wrote it from its own typed status; this only guards against a layout from another version.
 */
export function publishedIn(items: unknown): PublishedStatus | null {
  const published = isRecord(items) ? items[PUBLISHED_STATUS_KEY] : undefined;
  if (!isRecord(published)) return null;
  const language = published['language'];
  if (typeof language !== 'string' || (language !== 'auto' && !isUiLanguage(language))) return null;
  const status = published['status'];
  if (!isRecord(status) || typeof status['vpnEnabled'] !== 'boolean') return null;
  if (!(connectionStates as readonly unknown[]).includes(status['state'])) return null;
  const frame = published['frame'];
  if (frame !== undefined && !isFrame(frame)) return null;
  return published as unknown as PublishedStatus;
}

function isFrame(value: unknown): value is PublishedFrame {
  return (
    isRecord(value) &&
    typeof value['html'] === 'string' &&
    typeof value['lang'] === 'string' &&
    (value['dir'] === 'ltr' || value['dir'] === 'rtl') &&
    typeof value['title'] === 'string'
  );
}

/** The part of the browser's `storage` namespace a page reads the published status with. */
export interface SessionReader {
  session?: { get(key: string): Promise<unknown> };
}

/**
 * Reads the published status from `storage.session`, which the browser answers itself: unlike a message, it
 * does not wait for a stopped worker to start. No session area, or a failed read, is read as none: the popup
 * then waits for the background's answer, as it would without a published status.
 */
export function readPublished(storage: SessionReader | undefined): Promise<PublishedStatus | null> {
  const session = storage?.session;
  if (session === undefined) return Promise.resolve(null);
  return session.get(PUBLISHED_STATUS_KEY).then(publishedIn, () => null);
}
