import { Fragment } from 'preact';
import { Button, useLoad, usePage } from '../src/ui';
import { Group } from './Group';

interface Credit {
  id: string;
  /** The message key of the credit line; names stay as their owners write them. */
  text: string;
  links: { href: string; label: string }[];
}

/**
 * The data Rampart ships and where it comes from. The category lists are CC BY-SA 4.0 and must be credited
 * with the licence and what was changed (shared/data/categories/SOURCE.md); the threat data is CC0 and
 * credited as a courtesy; the public suffix list is MPL 2.0.
 */
const credits: Credit[] = [
  {
    id: 'categories',
    text: 'aboutCategoryData',
    links: [
      { href: 'https://dsi.ut-capitole.fr/blacklists/', label: 'dsi.ut-capitole.fr/blacklists' },
      { href: 'https://creativecommons.org/licenses/by-sa/4.0/', label: 'CC BY-SA 4.0' },
      { href: '/data/categories/LICENSE.md', label: 'LICENSE.md' },
    ],
  },
  {
    id: 'payments',
    text: 'aboutPaymentsData',
    links: [{ href: 'https://creativecommons.org/publicdomain/zero/1.0/', label: 'CC0 1.0' }],
  },
  {
    id: 'threats',
    text: 'aboutThreatData',
    links: [
      { href: 'https://urlhaus.abuse.ch/', label: 'urlhaus.abuse.ch' },
      { href: 'https://gitlab.com/malware-filter/urlhaus-filter', label: 'malware-filter/urlhaus-filter' },
      { href: 'https://github.com/983111/Scam-Detector-Model', label: '983111/Scam-Detector-Model' },
      { href: 'https://creativecommons.org/publicdomain/zero/1.0/', label: 'CC0 1.0' },
    ],
  },
  {
    id: 'psl',
    text: 'aboutSuffixData',
    links: [
      { href: 'https://publicsuffix.org/', label: 'publicsuffix.org' },
      { href: 'https://www.mozilla.org/MPL/2.0/', label: 'MPL 2.0' },
    ],
  },
];

/** Version, the bundled data's sources and licences, and the way to the My Rampart portal. */
export function AboutSection() {
  const { t, send } = usePage();
  const { value: status } = useLoad(() => send({ type: 'getStatus' }), [send]);
  const version = status?.version;

  return (
    <>
      <div class="group about-product">
        <img src="/icons/icon-48.png" alt="" width={48} height={48} />
        <div>
          <p class="about-name">{t('extName')}</p>
          <p class="muted" data-testid="about-version">
            {version ? t('versionLabel', [version]) : t('loading')}
          </p>
        </div>
      </div>
      <div class="group">
        <p>{t('aboutPortal')}</p>
        <div class="form-actions">
          <Button variant="secondary" onClick={() => void send({ type: 'openPortal', page: 'home' })}>
            {t('openMyRampart')}
          </Button>
        </div>
      </div>
      <Group id="about-data" title={t('aboutDataTitle')} testId="about-data">
        <ul class="credits">
          {credits.map((credit) => (
            <li key={credit.id} data-testid={`credit-${credit.id}`}>
              <p>{t(credit.text)}</p>
              <p class="credit-links">
                {credit.links.map((link, i) => (
                  <Fragment key={link.href}>
                    {i > 0 ? ' · ' : null}
                    <a href={link.href} target="_blank" rel="noreferrer">
                      {link.label}
                    </a>
                  </Fragment>
                ))}
              </p>
            </li>
          ))}
        </ul>
      </Group>
    </>
  );
}
