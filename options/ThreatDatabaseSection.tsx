import { useEffect, useState } from 'preact/hooks';
import type { ProtectionStatus } from '../src/messages';
import { ThreatDatabase, usePage } from '../src/ui';

/** The threat database as the popup and the portal show it: version, age, last check, "Update now". */
export function ThreatDatabaseSection() {
  const { t, send } = usePage();
  const [status, setStatus] = useState<ProtectionStatus | null>(null);

  useEffect(() => {
    void send({ type: 'getProtectionStatus' }).then((reply) => reply.ok && setStatus(reply.value));
  }, [send]);

  return (
    <section aria-labelledby="threat-db-heading" data-testid="threat-db-section">
      <h2 id="threat-db-heading">{t('sectionThreatDatabase')}</h2>
      {status ? <ThreatDatabase status={status} onStatus={setStatus} /> : <p class="muted">{t('loading')}</p>}
    </section>
  );
}
