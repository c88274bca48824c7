import { appError, err, ok, type Result } from '../result';
import type { EntryTag, ThreatSnapshot } from './snapshot';
import { snapshotSha256 } from './snapshotHash';
import type { ThreatDelta } from './snapshotSchema';
import { sortedMinus, sortedPatch } from './sorted';

const sameTag = (a: EntryTag | undefined, b: EntryTag | undefined): boolean =>
  a?.threat === b?.threat && a?.list === b?.list;

/** What turns `from` into `to`, carrying the hash of `to` so the receiver can check its result. */
export async function diffSnapshots(from: ThreatSnapshot, to: ThreatSnapshot): Promise<ThreatDelta> {
  const set: Record<string, EntryTag> = {};
  for (const [key, tag] of Object.entries(to.tags.overrides)) {
    if (!sameTag(from.tags.overrides[key], tag)) set[key] = tag;
  }
  const unset = Object.keys(from.tags.overrides)
    .filter((key) => to.tags.overrides[key] === undefined)
    .sort();
  return {
    format: to.format,
    from: from.version,
    to: to.version,
    createdAt: to.createdAt,
    addDomains: sortedMinus(to.domains, from.domains),
    removeDomains: sortedMinus(from.domains, to.domains),
    addUrls: sortedMinus(to.urls, from.urls),
    removeUrls: sortedMinus(from.urls, to.urls),
    tags: { default: to.tags.default, set, unset },
    sha256: await snapshotSha256(to),
  };
}

const mismatch = (reason: string) => err(appError('threatDeltaMismatch', 'errorThreatListUpdate', [reason]));

/** Applies a (validated) delta; refuses one made for another version or another list. */
export function applyDelta(current: ThreatSnapshot, delta: ThreatDelta): Result<ThreatSnapshot> {
  if (delta.from !== current.version)
    return mismatch(`delta is from version ${delta.from}, have ${current.version}`);
  const domains = sortedPatch(current.domains, delta.removeDomains, delta.addDomains);
  const urls = sortedPatch(current.urls, delta.removeUrls, delta.addUrls);
  if (domains === null || urls === null) return mismatch('delta does not fit the current list');
  const overrides = { ...current.tags.overrides };
  for (const key of delta.tags.unset) delete overrides[key];
  Object.assign(overrides, delta.tags.set);
  return ok({
    format: current.format,
    version: delta.to,
    createdAt: delta.createdAt,
    domains,
    urls,
    tags: { default: delta.tags.default, overrides },
  });
}
