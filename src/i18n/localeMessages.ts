import { z } from 'zod';

/** The `_locales/<lang>/messages.json` format that Chrome and Firefox read. */
export const localeMessagesSchema = z.record(
  z.string(),
  z.object({
    message: z.string(),
    description: z.string().optional(),
    placeholders: z
      .record(z.string(), z.object({ content: z.string(), example: z.string().optional() }))
      .optional(),
  }),
);
export type LocaleMessages = z.infer<typeof localeMessagesSchema>;
