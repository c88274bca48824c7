import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { DeviceDetail } from '../../../src/api';
import { regionPlaceLabel } from '../../commands';
import { paths } from '../../paths';
import { Link } from '../../router';
import { t } from '../../i18n';
import { CommandButton, type CommandTarget } from './CommandButton';

/** Every command the portal can send, grouped by what it changes. They run without asking in the browser. */
export function Commands({ detail, target }: { detail: DeviceDetail; target: CommandTarget }): JSX.Element {
  return (
    <section aria-labelledby="commands-title">
      <h2 id="commands-title">{t('portal_device_commandsTitle')}</h2>
      <p class="notice info" data-testid="commands-note">
        {t('portal_device_commandsNote')}
      </p>
      <div class="command-groups">
        <CommandGroup title={t('portal_device_protection')}>
          <CommandButton
            {...target}
            command={{ type: 'setProtection', enabled: true }}
            label={t('portal_device_protectionOn')}
            testId="command-protection-on"
          />
          <CommandButton
            {...target}
            command={{ type: 'setProtection', enabled: false }}
            label={t('portal_device_protectionOff')}
            testId="command-protection-off"
            variant="secondary"
          />
        </CommandGroup>
        <CommandGroup title={t('portal_device_databases')}>
          <CommandButton
            {...target}
            command={{ type: 'updateDatabases' }}
            label={t('portal_device_update')}
            testId="command-update"
          />
        </CommandGroup>
        <CommandGroup title={t('portal_device_vpn')}>
          <CommandButton
            {...target}
            command={{ type: 'setVpn', enabled: true }}
            label={t('portal_device_vpnOn')}
            testId="command-vpn-on"
          />
          <CommandButton
            {...target}
            command={{ type: 'setVpn', enabled: false }}
            label={t('portal_device_vpnOff')}
            testId="command-vpn-off"
            variant="secondary"
          />
        </CommandGroup>
        <RegionCommand detail={detail} target={target} />
        <CommandGroup
          title={t('portal_device_checkTabs')}
          hint={
            <p id="check-tabs-hint" class="muted">
              {t('portal_device_checkTabsHint')}
            </p>
          }
        >
          <CommandButton
            {...target}
            command={{ type: 'checkTabs' }}
            label={t('portal_device_checkTabs')}
            testId="command-check-tabs"
            describedBy="check-tabs-hint"
          />
        </CommandGroup>
      </div>
    </section>
  );
}

/** A titled group of command buttons, with an optional hint between the title and the buttons. */
function CommandGroup(props: {
  title: string;
  hint?: JSX.Element;
  children: ComponentChildren;
}): JSX.Element {
  return (
    <div class="command-group" role="group" aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.hint}
      <div class="actions">{props.children}</div>
    </div>
  );
}

const OPTIMAL = 'optimal';

/**
 * A region to send the VPN to: Optimal or a region by its cities and country. The free tier has Optimal only,
 * so it is shown locked.
 */
function RegionCommand({ detail, target }: { detail: DeviceDetail; target: CommandTarget }): JSX.Element {
  // The person's choice survives the page's refreshes; until they choose, the region the device uses now.
  const [chosen, setChosen] = useState<string | null>(null);
  const locked = detail.regions.length === 0;
  const offered = [OPTIMAL, ...detail.regions.map((place) => place.region)];
  const current = detail.status?.state.vpn.region.toLowerCase();
  const region =
    chosen !== null && offered.includes(chosen)
      ? chosen
      : current !== undefined && offered.includes(current)
        ? current
        : OPTIMAL;
  return (
    <div
      class="command-group"
      role="group"
      aria-labelledby="region-title"
      data-testid="command-region"
      data-locked={String(locked)}
    >
      <h3 id="region-title">{t('portal_device_region')}</h3>
      <div class="field">
        <label for="region">{t('portal_device_regionSelect')}</label>
        <select
          id="region"
          value={locked ? 'optimal' : region}
          disabled={locked}
          aria-describedby={locked ? 'region-locked' : undefined}
          data-testid="region-select"
          onChange={(event) => setChosen(event.currentTarget.value)}
        >
          <option value={OPTIMAL}>{t('portal_device_optimal')}</option>
          {locked
            ? null
            : detail.regions.map((place) => (
                <option key={place.region} value={place.region}>
                  {regionPlaceLabel(place)}
                </option>
              ))}
        </select>
      </div>
      {locked ? (
        <p id="region-locked" class="muted" data-testid="region-locked">
          {t('portal_device_regionLocked')}{' '}
          <Link href={paths.subscription}>{t('portal_device_regionUpgrade')}</Link>
        </p>
      ) : (
        <div class="actions">
          <CommandButton
            {...target}
            command={{ type: 'setRegion', region }}
            label={t('portal_device_regionSend')}
            testId="region-send"
          />
        </div>
      )}
    </div>
  );
}
