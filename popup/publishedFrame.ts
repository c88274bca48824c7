// Runs in the popup's first script (popup/early.ts): nothing here may import a package
// (test/unit/conventions/popupStartLight.test.ts checks it).
import type { PublishedStatus } from '../src/storage/publishedStatus';
import { setDocumentLanguage } from '../src/ui/documentLanguage';
import { markFirstStatus } from './marks';

/** The element the first frame is shown in, just before the popup's root; the popup removes it once drawn. */
export const FIRST_FRAME_ID = 'first-frame';

/**
 * Shows the first frame the background drew with the status it published (src/ui/popupTop/firstFrame.tsx),
 * before the popup's modules have run: they take 10 to 30 ms more to load and run than the page's first script.
 * The markup comes from the worker's own rendering, read from `storage.session`, which only the extension's
 * pages and worker can read or write. Returns whether it showed one (none was published with this status: another version's value).
 */
export function showPublishedFrame(published: PublishedStatus, document: Document): boolean {
  const root = document.getElementById('root');
  const frame = published.frame;
  if (root === null || frame === undefined) return false;
  setDocumentLanguage(document, frame);
  const element = document.createElement('div');
  element.id = FIRST_FRAME_ID;
  element.innerHTML = frame.html;
  root.before(element);
  markFirstStatus({ state: published.status.state, published: true, language: frame.lang });
  return true;
}

/** Removes the first frame, once the popup has drawn itself in its place. */
export function removeFirstFrame(document: Document): void {
  document.getElementById(FIRST_FRAME_ID)?.remove();
}
