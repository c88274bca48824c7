import browser from 'webextension-polyfill';
import { mountPage } from '../src/ui';
import '../src/ui/theme.css';
import './warning.css';
import { Warning } from './Warning';

void mountPage(Warning, document.getElementById('root')!, browser, 'warningTitle');
