import { z } from 'zod';
import { settingsPatchSchema, type Settings } from '../settings';
import type { ConnectionStatus } from '../status';

/** Every message a page may send to the background, declared once. */
export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('getStatus') }),
  z.object({ type: z.literal('getSettings') }),
  z.object({ type: z.literal('updateSettings'), patch: settingsPatchSchema }),
  z.object({ type: z.literal('exportSettings') }),
  z.object({ type: z.literal('importSettings'), text: z.string() }),
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** What the background answers to each request type. */
export interface Responses {
  getStatus: ConnectionStatus;
  getSettings: Settings;
  updateSettings: Settings;
  exportSettings: { fileName: string; text: string };
  importSettings: Settings;
}
