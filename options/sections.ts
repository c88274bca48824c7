/**
 * The options page's sections, in navigation order. The id is the URL hash that opens it
 * (`options/index.html#site-rules`), so the popup and the docs can link to one; the keys name its navigation
 * label, its heading and its one-line purpose.
 */
export const sections = [
  { id: 'general', nav: 'nav_general', title: 'sectionGeneral', purpose: 'purpose_general' },
  { id: 'site-rules', nav: 'nav_siteRules', title: 'sectionSiteRules', purpose: 'purpose_siteRules' },
  { id: 'categories', nav: 'nav_categories', title: 'sectionCategories', purpose: 'categoriesHint' },
  {
    id: 'web-protection',
    nav: 'nav_webProtection',
    title: 'sectionWebProtection',
    purpose: 'purpose_webProtection',
  },
  { id: 'account', nav: 'nav_account', title: 'sectionAccount', purpose: 'purpose_account' },
  { id: 'own-gateway', nav: 'nav_ownGateway', title: 'sectionSelfHosted', purpose: 'selfHostedHint' },
  { id: 'backup', nav: 'nav_backup', title: 'sectionBackup', purpose: 'backupHint' },
  { id: 'about', nav: 'nav_about', title: 'sectionAbout', purpose: 'purpose_about' },
] as const;

export type SectionId = (typeof sections)[number]['id'];
export type Section = (typeof sections)[number];
export const sectionIds: readonly SectionId[] = sections.map((section) => section.id);
