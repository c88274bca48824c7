import browser from 'webextension-polyfill';
import { mountPage } from '../src/ui';
import '../src/ui/theme.css';
import '../src/ui/forms.css';
import './options.css';
import { Options } from './Options';

void mountPage(Options, document.getElementById('root')!, browser, 'optionsTitle');
