import browser from 'webextension-polyfill';
import { mountPage, type PageBrowser } from '../src/ui';
import '../src/ui/theme.css';
import './popup.css';
import { takeEarlyStart } from './earlyRequests';
import { removeFirstFrame } from './publishedFrame';
import { POPUP_READY_MARK } from './marks';
import { Popup } from './Popup';

// `early.ts` read the published status and asked for the fresh one while this module loaded (speed budget,
// issue 16): the popup is first drawn from the published status, and its sender hands the replies already on
// their way to the popup's first requests.
const early = takeEarlyStart(() => browser);
const api: PageBrowser = {
  runtime: { sendMessage: early.send, getURL: (path) => browser.runtime.getURL(path) },
  i18n: browser.i18n,
  storage: browser.storage,
};
const start = early.published.then((published) =>
  published === null
    ? null
    : { first: { ok: true as const, value: published.status }, language: published.language },
);
// The first frame goes in the same task as the popup's draw (no paint between them), and also if the popup
// failed to draw: an inert frame must not stay in place of a popup that cannot answer.
void mountPage(Popup, document.getElementById('root')!, api, 'popupTitle', start)
  .then(() => performance.mark(POPUP_READY_MARK))
  .finally(() => removeFirstFrame(document));
