import { placeName } from './regionName';
import type { ConnectionRecord, ConnectionStatus } from './states';

type Translate = (key: string, substitutions?: string[]) => string;

/** The message key of the one-line state: "VPN is on", "Reconnecting…", "VPN paused: daily limit reached". */
export function headlineKey(record: ConnectionRecord): string {
  if (record.state === 'connecting' && record.reconnecting) return 'state_reconnecting';
  return `state_${record.state}`;
}

/** What the toolbar button shows for a state: icon, badge and tooltip are derived here, nowhere else. */
export interface ToolbarView {
  /** The coloured icon only while traffic really goes through the VPN. */
  icon: 'on' | 'off';
  /** A mark on the icon: web protection is off. */
  marked: boolean;
  badgeText: string;
  badgeColor: string;
  title: string;
}

const BADGE_COLORS = { busy: '#5f6368', limit: '#b05a00', error: '#c5221f' } as const;

export function toolbarView(status: ConnectionStatus, t: Translate, language: string): ToolbarView {
  const badge = (): Pick<ToolbarView, 'badgeText' | 'badgeColor'> => {
    switch (status.state) {
      case 'connecting':
        return { badgeText: '…', badgeColor: BADGE_COLORS.busy };
      case 'limit':
        return { badgeText: t('badgeLimit'), badgeColor: BADGE_COLORS.limit };
      case 'error':
        return { badgeText: '!', badgeColor: BADGE_COLORS.error };
      default:
        return { badgeText: '', badgeColor: BADGE_COLORS.busy };
    }
  };
  const lines = [`${t('extName')}: ${t(headlineKey(status))}`];
  if (status.state === 'on' && status.gateway)
    lines.push(placeName(status.gateway.region, status.gateway.city, language));
  if (status.state === 'limit')
    lines.push(t(status.killSwitch ? 'limitBlockedShort' : 'limitUnprotectedShort'));
  if (status.state === 'error') lines.push(t(`errorReason_${status.reason}`));
  if (!status.protectionEnabled) lines.push(t('protectionOffWarning'));
  return {
    icon: status.state === 'on' ? 'on' : 'off',
    marked: !status.protectionEnabled,
    ...badge(),
    title: lines.join('\n'),
  };
}

/** Why a page the kill switch stopped did not load, as Rampart's blocked page explains it. */
export type BlockedReason = 'limit' | 'unreachable' | 'signedOut' | 'reconnecting' | 'restored' | 'vpnOff';

export function blockedReason(status: ConnectionStatus): BlockedReason {
  switch (status.state) {
    case 'limit':
      return 'limit';
    case 'loggedOut':
      return 'signedOut';
    case 'error':
      return 'unreachable';
    case 'connecting':
      return 'reconnecting';
    case 'on':
      return 'restored';
    case 'off':
      return 'vpnOff';
  }
}
