import { stored, type Detection } from '../../src/storage';
import { readStored, updateStored, type StorageAreas } from '../storage/storedValues';

const MAX_KEPT = 500;

/** Recent detections for the popup and the portal, newest last, kept to a bounded number. */
export function createDetections(areas: StorageAreas) {
  return {
    all: async (): Promise<Detection[]> => (await readStored(areas, stored.detections)) ?? [],
    record: async (detection: Detection) => {
      await updateStored(areas, stored.detections, (all) => [
        ...(all ?? []).slice(-(MAX_KEPT - 1)),
        detection,
      ]);
    },
  };
}
export type Detections = ReturnType<typeof createDetections>;
