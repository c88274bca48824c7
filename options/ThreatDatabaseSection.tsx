import { useEffect, useState } from 'preact/hooks';
import type { ProtectionStatus } from '../src/messages';
import { ThreatDatabase, usePage } from '../src/ui';
import { Group } from './Group';

/** The threat database as the popup and the portal show it: version, age, last check, "Update now". */
export function ThreatDatabaseSection() {
  const { t, send } = usePage();
  const [status, setStatus] = useState<ProtectionStatus | null>(null);

  useEffect(() => {
    void send({ type: 'getProtectionStatus' }).then((reply) => reply.ok && setStatus(reply.value));
  }, [send]);

  return (
    <Group id="threat-db" title={t('sectionThreatDatabase')} testId="threat-db-section">
      {status ? <ThreatDatabase status={status} onStatus={setStatus} /> : <p class="muted">{t('loading')}</p>}
    </Group>
  );
}
