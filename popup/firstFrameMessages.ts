// The messages the popup's first frame can show (./firstFrame.tsx), and where the build puts them: a few
// kilobytes per language instead of the whole locale file, so that a language chosen in the settings costs the
// first frame one small read (reading the two whole files, the chosen one and English, took it about 40 ms:
// issue 16's speed budget). test/unit/popup/firstFrame.test.tsx renders the frame in every state and fails
// when it shows a message missing here. Imports no package: the build's configuration loads it.
import { connectionStates, errorReasons } from '../src/status/stateNames';

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

/** The built file with the first frame's messages in `language` (a `messages.json` of those keys only). */
export const firstFrameMessagesPath = (language: string) => `popup/first-frame/${language}.json`;
