import { compilePac } from '../../src/pac';
import { stored } from '../../src/storage';
import type { Platform, ProxyConfig } from '../platform';
import { readStored, removeStored, writeStored } from '../storage/storedValues';
import type { BrowserRouting } from './browserRouting';
import type { RoutingInput } from './vpnService';

/** The browser's own settings when nothing needs a gateway, else one PAC script. */
export function compileRouting({ plan, context }: RoutingInput): ProxyConfig {
  if (plan.target === null) return { mode: 'system' };
  return {
    mode: 'pac',
    script: compilePac({
      ...context,
      vpnEnabled: plan.vpnEnabled,
      gateway: plan.target,
      killSwitch: plan.failClosed,
    }),
  };
}

/**
 * Chrome's side of routing: one proxy setting. What was set is remembered in `storage.session` by the hash of
 * its inputs, so a woken worker whose inputs did not change neither compiles the PAC nor sets it again; the
 * record is trusted only while the browser still reports that setting in force.
 */
export function createPacRouting(platform: Pick<Platform, 'local' | 'session' | 'proxy'>): BrowserRouting {
  return {
    holds: async (key) => {
      const applied = await readStored(platform, stored.appliedRouting);
      if (applied?.key !== key) return false;
      const now = await platform.proxy.inForce();
      const ours = now.level === 'controlled_by_this_extension';
      // Cleared ("system"): nothing of ours may be in force. A PAC: ours, and the same script by its length.
      return applied.pacLength === null ? !ours : ours && now.pacLength === applied.pacLength;
    },
    apply: async (key, input) => {
      const config = compileRouting(input);
      // A worker stopped half-way must not trust the record of the setting before.
      await removeStored(platform, stored.appliedRouting);
      await platform.proxy.apply(config);
      return () =>
        writeStored(platform, stored.appliedRouting, {
          key,
          pacLength: config.mode === 'pac' ? config.script.length : null,
        });
    },
  };
}
