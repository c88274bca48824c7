// The portal ("My Rampart"): one Preact app served by the account service at the site root.
import './zodConfig';
import { render } from 'preact';
import '../src/ui/theme.css';
import './portal.css';
import { App } from './App';
import { I18nProvider } from './i18n';
import { SessionProvider } from './session';

const root = document.getElementById('root');
if (root === null) throw new Error('portal: #root is missing from index.html');
render(
  <I18nProvider>
    <SessionProvider>
      <App />
    </SessionProvider>
  </I18nProvider>,
  root,
);
