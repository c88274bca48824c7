import type { JSX } from 'preact';
import type { CommandView, DeviceCommand } from '../../../src/api';
import { api } from '../../api';
import { pendingCommand, pendingLabel } from '../../commands';
import { ErrorNotice } from '../../components/ErrorNotice';
import { t } from '../../i18n';
import { useAction } from '../../useAction';

export interface CommandTarget {
  deviceId: string;
  /** The device's recent commands, to tell whether this one is already on its way. */
  commands: readonly CommandView[];
  /** Called with the queued command, so the page shows it at once. */
  onSent(view: CommandView): Promise<void>;
}

interface CommandButtonProps extends CommandTarget {
  command: DeviceCommand;
  label: string;
  testId: string;
  variant?: 'primary' | 'secondary';
  describedBy?: string;
}

/**
 * Sends one command. While the same command waits for the device (Planned) or runs (Sent) the button says so
 * and stays disabled, so neither a double click nor a second visit sends it twice.
 */
export function CommandButton(props: CommandButtonProps): JSX.Element {
  const send = useAction(async () => {
    await props.onSent(await api.sendCommand(props.deviceId, props.command));
  });
  const pending = pendingCommand(props.commands, props.command);
  const label = send.busy ? t('portal_working') : pending !== null ? pendingLabel(pending) : props.label;
  return (
    <div class="command">
      <button
        type="button"
        class={props.variant === 'secondary' ? 'secondary' : undefined}
        disabled={send.busy || pending !== null}
        aria-busy={send.busy}
        // The visible text says "Planned" or "Sent"; the accessible name also says which command.
        aria-label={pending !== null && !send.busy ? `${label}: ${props.label}` : undefined}
        aria-describedby={props.describedBy}
        data-testid={props.testId}
        data-pending={pending?.status}
        onClick={() => void send.run()}
      >
        {label}
      </button>
      <ErrorNotice error={send.error} />
    </div>
  );
}
