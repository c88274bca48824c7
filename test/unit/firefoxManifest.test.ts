import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { firefoxManifest } from '../../scripts/firefoxBuild';

describe('the Firefox manifest', async () => {
  const chrome = JSON.parse(await readFile('manifest.json', 'utf8'));
  const firefox = firefoxManifest(chrome, 'content/portalRelay.js') as Record<string, unknown> & {
    permissions: string[];
    content_security_policy: { extension_pages: string };
  };

  it('asks for blocking webRequest (proxy auth, URL entries beyond the rules), not the Chrome-only permission', () => {
    expect(firefox.permissions).toContain('webRequestBlocking');
    expect(firefox.permissions).not.toContain('webRequestAuthProvider');
    expect(firefox.permissions).toEqual(
      expect.arrayContaining(['proxy', 'webRequest', 'declarativeNetRequest']),
    );
  });

  it('runs the background as an event page', () => {
    expect(firefox.background).toEqual({ scripts: [chrome.background.service_worker], type: 'module' });
  });

  it('declares the pages’ CSP without upgrade-insecure-requests (the gateway check is plain HTTP)', () => {
    expect(firefox.content_security_policy.extension_pages).not.toMatch(/upgrade-insecure-requests/);
    expect(firefox.content_security_policy.extension_pages).toMatch(/script-src 'self'/);
  });

  it('relays the portal with a content script on exactly the origins Chrome lets message it', () => {
    expect(firefox.externally_connectable).toBeUndefined();
    expect(firefox.content_scripts).toEqual([
      {
        matches: chrome.externally_connectable.matches,
        js: ['content/portalRelay.js'],
        run_at: 'document_start',
      },
    ]);
  });

  it('keeps neither the Chrome key nor the static ruleset (whose redirect names the Chrome id)', () => {
    expect(firefox.key).toBeUndefined();
    expect(firefox.declarative_net_request).toBeUndefined();
    expect(firefox.browser_specific_settings).toEqual(chrome.browser_specific_settings);
  });
});
