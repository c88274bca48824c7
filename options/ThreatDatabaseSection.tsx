import { ok } from '../src/result';
import { ThreatDatabase, useLoad, usePage } from '../src/ui';
import { Group } from './Group';

/** The threat database as the popup and the portal show it: version, age, last check, "Update now". */
export function ThreatDatabaseSection() {
  const { t, send } = usePage();
  const { value: status, apply } = useLoad(() => send({ type: 'getProtectionStatus' }), [send]);

  return (
    <Group id="threat-db" title={t('sectionThreatDatabase')} testId="threat-db-section">
      {status ? (
        <ThreatDatabase status={status} onStatus={(fresh) => apply(ok(fresh))} />
      ) : (
        <p class="muted">{t('loading')}</p>
      )}
    </Group>
  );
}
