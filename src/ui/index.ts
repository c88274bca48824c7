export { mountPage, type PageBrowser } from './mountPage';
export { usePage, PageContext, type PageContextValue, type SubscribeToChanges } from './pageContext';
export { Toggle } from './Toggle';
export { useSettings } from './useSettings';
export { useChanges } from './useChanges';
export { formatBytes } from './formatBytes';
export { ThreatDatabase } from './ThreatDatabase';
