/**
 * Chrome's side of routing. `compilePac` turns the same inputs `decideRoute` takes (plus the gateway and the kill
 * switch) into one PAC script that routes every host exactly as `decideRoute` does, except that an unanswered
 * "ask" uses the global state until the user answers (the background then recompiles). `compileFixedServers` is
 * the optional exclusion-only shortcut.
 */
export { compilePac, vpnProxyString } from './compile';
export { compileFixedServers, type FixedServersConfig } from './fixedServers';
export { buildPacTable, forEachPacEntry } from './table';
export type { Gateway, PacInput } from './input';
