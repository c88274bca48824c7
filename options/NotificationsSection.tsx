import type { Settings } from '../src/settings';
import { Toggle, usePage } from '../src/ui';
import { Group } from './Group';
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
    <Group id="notifications" title={t('sectionNotifications')}>
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
    </Group>
  );
}
