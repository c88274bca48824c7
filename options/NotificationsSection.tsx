import type { Settings } from '../src/settings';
import { Toggle, usePage } from '../src/ui';
import type { SectionProps } from './sectionProps';

const kinds: (keyof Settings['notifications'])[] = [
  'vpnAutoEnabled',
  'connectionLost',
  'limitReached',
  'siteBlocked',
];

export function NotificationsSection({ settings, update }: SectionProps) {
  const { t } = usePage();
  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t('sectionNotifications')}</h2>
      {kinds.map((kind) => (
        <Toggle
          key={kind}
          id={`notify-${kind}`}
          label={t(`notify_${kind}`)}
          checked={settings.notifications[kind]}
          onChange={(checked) =>
            void update({ notifications: { ...settings.notifications, [kind]: checked } })
          }
        />
      ))}
    </section>
  );
}
