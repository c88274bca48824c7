import type { CommandResult, DeviceCommand, PendingCommand } from '../../src/api/management';
import type { AppError, Result } from '../../src/result';
import type { Handlers } from '../router';
import type { ProtectionService } from '../protection/protectionService';

export interface CommandRunnerDeps {
  /** The same answers the popup and options get: a command does exactly what the user's click would. */
  handlers: Pick<Handlers, 'setProtectionEnabled' | 'updateThreats' | 'setVpnEnabled' | 'selectRegion'>;
  protection: Pick<ProtectionService, 'checkOpenTabs'>;
  translate(key: string, substitutions?: string[]): string;
}

/** Runs a command from the portal without asking the user, and says how it went in the user's language. */
export function createCommandRunner(deps: CommandRunnerDeps) {
  const { handlers, translate: t } = deps;
  const failed = (error: AppError) => ({
    outcome: 'failed' as const,
    message: t(error.messageKey, error.substitutions),
  });
  const settle = <T>(result: Result<T>, done: (value: T) => string) =>
    result.ok ? { outcome: 'done' as const, message: done(result.value) } : failed(result.error);

  const run = async (command: DeviceCommand): Promise<Omit<CommandResult, 'id'>> => {
    switch (command.type) {
      case 'setProtection':
        return settle(
          await handlers.setProtectionEnabled({ type: 'setProtectionEnabled', enabled: command.enabled }),
          (s) => t(s.enabled ? 'commandProtectionOn' : 'commandProtectionOff'),
        );
      case 'updateDatabases':
        return settle(await handlers.updateThreats({ type: 'updateThreats' }), (s) =>
          t(s.updated ? 'commandDatabaseUpdated' : 'commandDatabaseCurrent', [String(s.listVersion)]),
        );
      case 'setVpn': {
        const result = await handlers.setVpnEnabled({ type: 'setVpnEnabled', enabled: command.enabled });
        if (!result.ok) return failed(result.error);
        if (!command.enabled) return { outcome: 'done', message: t('commandVpnOff') };
        // Turned on, but the connection may not work: the portal should hear why.
        return result.value.state === 'on' || result.value.state === 'connecting'
          ? { outcome: 'done', message: t('commandVpnOn') }
          : { outcome: 'failed', message: t('commandVpnNotConnected', [result.value.state]) };
      }
      case 'setRegion':
        return settle(await handlers.selectRegion({ type: 'selectRegion', region: command.region }), () =>
          t('commandRegionSet', [command.region]),
        );
      case 'checkTabs': {
        const { checked, blocked } = await deps.protection.checkOpenTabs();
        return {
          outcome: 'done',
          message: t(blocked === 0 ? 'commandTabsClean' : 'commandTabsBlocked', [
            String(checked),
            String(blocked),
          ]),
        };
      }
    }
  };

  return async (pending: PendingCommand): Promise<CommandResult> => {
    try {
      const result = await run(pending.command);
      return { id: pending.id, outcome: result.outcome, message: result.message.slice(0, 500) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { id: pending.id, outcome: 'failed', message: t('commandCrashed', [reason]).slice(0, 500) };
    }
  };
}
export type CommandRunner = ReturnType<typeof createCommandRunner>;
