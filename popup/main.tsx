import browser from 'webextension-polyfill';
import { mountPage, type PageBrowser } from '../src/ui';
import '../src/ui/theme.css';
import './popup.css';
import { takeEarlySender } from './earlyRequests';
import { Popup } from './Popup';

// The status was asked for by `early.ts` while this module loaded (speed budget, issue 16): its sender hands
// the replies already on their way to the popup's first requests.
const sendMessage = takeEarlySender((message) => browser.runtime.sendMessage(message));
const api: PageBrowser = {
  runtime: { sendMessage, getURL: (path) => browser.runtime.getURL(path) },
  i18n: browser.i18n,
  storage: browser.storage,
};
void mountPage(Popup, document.getElementById('root')!, api, 'popupTitle');
