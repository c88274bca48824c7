import {
  DATABASE_MAX_AGE_DAYS,
  MAX_LISTED_DETECTIONS,
  type DeviceState,
  type Problem,
  type ReportedDetection,
} from '../api/management';

const DAY_MS = 86_400_000;

/** A detection's name in the portal: stable across reports, short enough for a request body. */
export const detectionKey = (detection: ReportedDetection): string => {
  let hash = 0x811c9dc5;
  for (const char of `${detection.kind}|${detection.url}`) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  }
  return `${detection.at.toString(36)}-${hash.toString(36)}`;
};

export interface DetectionResolutions {
  /** Every detection at or before this time (ms) is resolved ("resolve all"). */
  resolvedThrough: number;
  /** Detections resolved one by one. */
  keys: ReadonlySet<string>;
}

export const noResolutions: DetectionResolutions = { resolvedThrough: -1, keys: new Set() };

/** The detections still to be handled, newest first. */
export const openDetections = (
  state: DeviceState,
  resolutions: DetectionResolutions,
): (ReportedDetection & { key: string })[] =>
  state.detections
    .map((detection) => ({ ...detection, key: detectionKey(detection) }))
    .filter((d) => d.at > resolutions.resolvedThrough && !resolutions.keys.has(d.key))
    .sort((a, b) => b.at - a.at);

/**
 * The security problems the portal lists for a device, each with the command that fixes it where one does.
 * More than `MAX_LISTED_DETECTIONS` open detections become one group, handled only as a whole.
 */
export function deviceProblems(
  state: DeviceState,
  now: number,
  resolutions: DetectionResolutions = noResolutions,
): Problem[] {
  const problems: Problem[] = [];
  if (!state.protection.enabled) {
    problems.push({ kind: 'protectionOff', fix: { type: 'setProtection', enabled: true } });
  } else {
    const ageMs = now - Date.parse(state.protection.databaseUpdatedAt);
    if (ageMs > DATABASE_MAX_AGE_DAYS * DAY_MS) {
      const ageDays = Math.floor(ageMs / DAY_MS);
      problems.push({ kind: 'databaseOutdated', ageDays, fix: { type: 'updateDatabases' } });
    }
  }
  if (state.vpn.proxyControlledByOther) problems.push({ kind: 'proxyTakenOver' });
  const open = openDetections(state, resolutions);
  if (open.length > MAX_LISTED_DETECTIONS) {
    problems.push({ kind: 'detectionGroup', count: open.length, newestAt: open[0]?.at ?? 0 });
  } else {
    for (const detection of open) problems.push({ kind: 'detection', detection });
  }
  return problems;
}
