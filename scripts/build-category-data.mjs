// Builds the bundled category database in extension/data/categories/ from the UT1 snapshot in
// ../shared/data/categories beside the repository (override with CATEGORY_SOURCE) plus our own curated payments list.
// Output is deterministic (no timestamps), so re-running it on the same input changes nothing.
//   node scripts/build-category-data.mjs
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = process.env.CATEGORY_SOURCE ?? resolve(root, '../shared/data/categories');
const outDir = 'extension/data/categories';

// Which UT1 list feeds each category: declared once, in src/categories/ids.ts (loaded through tsx).
const { ut1Sources } = await tsImport('../src/categories/ids.ts', import.meta.url);

// UT1 has no payment-systems list (its `financial` is financial news), so this one is ours: payment processors,
// wallets, money transfer and buy-now-pay-later services. A domain here covers its subdomains.
const payments = [
  'adyen.com', 'affirm.com', 'afterpay.com', 'alipay.com', 'authorize.net', 'bitpay.com', 'braintreegateway.com',
  'braintreepayments.com', 'cash.app', 'checkout.com', 'cloudpayments.ru', 'gocardless.com', 'klarna.com',
  'mollie.com', 'moneygram.com', 'neteller.com', 'paddle.com', 'payeer.com', 'payoneer.com', 'paypal.com',
  'paypal.me', 'paysafecard.com', 'paytm.com', 'payu.com', 'qiwi.com', 'razorpay.com', 'remitly.com',
  'revolut.com', 'sezzle.com', 'skrill.com', 'squareup.com', 'stripe.com', 'sumup.com', 'transferwise.com',
  'venmo.com', 'webmoney.ru', 'westernunion.com', 'wise.com', 'worldpay.com', 'yoomoney.ru', 'zellepay.com',
];

const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
const DOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})+$`);

/** Same rules as parseDomainList in src/categories: lowercase, multi-label names only, no IP addresses. */
const normalise = (lines) => {
  const out = new Set();
  for (const raw of lines) {
    const line = raw.trim().toLowerCase().replace(/\.$/, '');
    if (line === '' || line.startsWith('#') || line.length > 253) continue;
    if (!DOMAIN.test(line) || /^[\d.]+$/.test(line)) continue;
    out.add(line);
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
};

const sourceText = readFileSync(join(sourceDir, 'SOURCE.md'), 'utf8');
const commit = /\*\*Commit:\*\* `([0-9a-f]{40})`/.exec(sourceText)?.[1] ?? 'unknown';
const commitDate = /\*\*Commit date:\*\* (\d{4}-\d{2}-\d{2})/.exec(sourceText)?.[1] ?? 'unknown';
const attribution = /^(> Website category data:[\s\S]*?)\n\n/m.exec(sourceText)?.[1];
if (!attribution) throw new Error('SOURCE.md has no attribution block');

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const categories = {};
const write = (id, domains, source, licence) => {
  writeFileSync(join(outDir, `${id}.txt`), domains.join('\n') + '\n');
  categories[id] = { file: `${id}.txt`, count: domains.length, source, licence };
};
for (const [id, ut1] of Object.entries(ut1Sources)) {
  const lines = readFileSync(join(sourceDir, `${ut1}.txt`), 'utf8').split('\n');
  write(id, normalise(lines), `UT1 blacklists: ${ut1}`, 'CC-BY-SA-4.0');
}
write('payments', normalise(payments), 'Rampart (curated)', 'CC0-1.0');

const index = {
  version: 1,
  dataVersion: `ut1-${commitDate}-${commit.slice(0, 7)}`,
  source: { name: 'UT1 blacklists', url: 'https://dsi.ut-capitole.fr/blacklists/', commit, commitDate },
  categories,
};
writeFileSync(join(outDir, 'index.json'), JSON.stringify(index, null, 2) + '\n');

writeFileSync(
  join(outDir, 'LICENSE.md'),
  `# Licence of the category data

Every \`*.txt\` file in this folder except \`payments.txt\` is adapted from the UT1 blacklists and is distributed
under the Creative Commons Attribution-ShareAlike 4.0 International licence
(https://creativecommons.org/licenses/by-sa/4.0/):

${attribution}

Source snapshot: olbat/ut1-blacklists (https://github.com/olbat/ut1-blacklists), commit ${commit}
(${commitDate}). Our category ids map to UT1 lists as follows: ${Object.entries(ut1Sources)
    .map(([id, ut1]) => `\`${id}\` ← \`${ut1}\``)
    .join(', ')}.

\`payments.txt\` is Rampart's own curated list of payment services (UT1 has none); it is dedicated to the public
domain under CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/).
`,
);

for (const [id, { count }] of Object.entries(categories)) console.log(`${id.padEnd(12)} ${count}`);
