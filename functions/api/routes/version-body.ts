import { z } from 'zod';

/** `{ version }`: the version of the item the caller last read, for a conditional write. */
export const versionBody = z.strictObject({ version: z.number().int().positive() });
