export { mountPage, type PageBrowser } from './mountPage';
export { usePage, PageContext, type PageContextValue } from './pageContext';
export { Toggle } from './Toggle';
export { useSettings } from './useSettings';
export { formatBytes } from './formatBytes';
export { ThreatDatabase } from './ThreatDatabase';
export { relativeAge, ageInDays } from './relativeAge';
