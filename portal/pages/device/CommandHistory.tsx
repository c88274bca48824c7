import type { JSX } from 'preact';
import type { CommandView } from '../../../src/api';
import { commandLabel, commandStatusText } from '../../commands';
import { dateTime, t } from '../../i18n';

const statusClass: Record<CommandView['status'], string> = {
  planned: 'muted',
  delivered: 'muted',
  done: 'state-ok',
  failed: 'state-bad',
  expired: 'muted',
};

/** The last 30 days of commands, newest first, each with where it stands and what the device answered. */
export function CommandHistory({ commands }: { commands: readonly CommandView[] }): JSX.Element {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('portal_device_historyTitle')}</h2>
      {commands.length === 0 ? (
        <p class="muted" data-testid="no-commands">
          {t('portal_device_noHistory')}
        </p>
      ) : (
        // Polite: the statuses change as the device works through them (Planned → Sent → Done).
        <ul class="list" data-testid="commands" aria-live="polite">
          {commands.map((view) => (
            <li key={view.id} data-testid="command" data-type={view.command.type} data-status={view.status}>
              <h3 class="item-title">{commandLabel(view.command)}</h3>
              <p class={statusClass[view.status]} data-testid="command-status">
                {commandStatusText(view)}
              </p>
              <dl class="facts">
                <dt>{t('portal_device_sentAt')}</dt>
                <dd>{dateTime(view.createdAt)}</dd>
                {view.status !== 'failed' && view.message !== null && view.message !== '' ? (
                  <>
                    <dt>{t('portal_device_deviceSaid')}</dt>
                    <dd data-testid="command-message">{view.message}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
