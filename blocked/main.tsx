import browser from 'webextension-polyfill';
import { mountPage } from '../src/ui';
import '../src/ui/theme.css';
import './blocked.css';
import { Blocked } from './Blocked';

void mountPage(Blocked, document.getElementById('root')!, browser, 'blockedPageTitle');
