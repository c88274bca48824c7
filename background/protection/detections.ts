import { z } from 'zod';
import type { KeyValueArea } from '../platform';

const KEY = 'detections';
const MAX_KEPT = 500;

export const detectionSchema = z.object({
  url: z.string(),
  threat: z.string(),
  list: z.string(),
  at: z.number(),
  /** 'page': a navigation stopped at the warning; 'resource': a sub-resource blocked on some page. */
  kind: z.enum(['page', 'resource']),
});
export type Detection = z.infer<typeof detectionSchema>;

/** Recent detections for the popup and the portal, newest last, kept to a bounded number. */
export function createDetections(area: KeyValueArea) {
  const all = async (): Promise<Detection[]> => {
    const parsed = z.array(detectionSchema).safeParse(await area.get(KEY));
    return parsed.success ? parsed.data : [];
  };
  return {
    all,
    record: async (detection: Detection) =>
      area.set(KEY, [...(await all()).slice(-(MAX_KEPT - 1)), detection]),
  };
}
export type Detections = ReturnType<typeof createDetections>;
