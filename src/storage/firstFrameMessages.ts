// The messages the background publishes with the status for the popup's first frame (./publishedStatus.ts),
// when a language is chosen in the settings. Apart from the published status's reader, which the popup's
// first script loads: only the background picks them.
import type { LocaleMessages } from '../i18n/localeMessages';
import { connectionStates, errorReasons } from '../status/stateNames';

/**
 * The messages the popup's first frame (popup/firstFrame.tsx) can show, in any state.
 * test/unit/popup/firstFrame.test.tsx draws the frame in every state and fails when it shows one missing here.
 */
export const FIRST_FRAME_MESSAGE_KEYS: readonly string[] = [
  'popupTitle',
  'extName',
  'popupAccount',
  'openSettings',
  ...connectionStates.map((state) => `state_${state}`),
  'state_reconnecting',
  'connectingNote',
  'reconnectingNote',
  'stateOnNote',
  'stateOffNote',
  ...errorReasons.map((reason) => `errorReason_${reason}`),
  'notifyProxyTakenMessage',
  'turnVpnOn',
  'turnVpnOff',
];

/**
 * The first frame's messages from a language's locale file, each falling back to English as the pages'
 * translator does (src/i18n/translate.ts); a message in neither is left out (the frame then shows its key, as
 * the popup would).
 */
export function firstFrameMessages(chosen: LocaleMessages, english: LocaleMessages): LocaleMessages {
  const picked: LocaleMessages = {};
  for (const key of FIRST_FRAME_MESSAGE_KEYS) {
    const entry = chosen[key] ?? english[key];
    if (entry !== undefined) picked[key] = entry;
  }
  return picked;
}
