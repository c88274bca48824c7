import { useEffect, useState } from 'preact/hooks';
import { usePage } from './pageContext';

/**
 * A number that grows each time the background's state changes (connection, settings, account): put it in
 * an effect's dependencies to ask the background again, so the page never shows a stale line.
 */
export function useChanges(): number {
  const { subscribe } = usePage();
  const [revision, setRevision] = useState(0);
  useEffect(() => subscribe?.(() => setRevision((r) => r + 1)), [subscribe]);
  return revision;
}
