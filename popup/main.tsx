import browser from 'webextension-polyfill';
import { mountPage } from '../src/ui';
import '../src/ui/theme.css';
import './popup.css';
import { Popup } from './Popup';

// The status and start problems are asked beside the translator's settings, so the first status is drawn
// after one round trip to the background, not two.
void mountPage(Popup, document.getElementById('root')!, browser, 'popupTitle', {
  early: [{ type: 'getStatus' }, { type: 'getStartProblems' }],
});
