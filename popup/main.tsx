import browser from 'webextension-polyfill';
import { mountPage } from '../src/ui';
import '../src/ui/theme.css';
import './popup.css';
import { Popup } from './Popup';

void mountPage(Popup, document.getElementById('root')!, browser, 'popupTitle');
