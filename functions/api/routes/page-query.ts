import { z } from 'zod';

/** `?limit=&cursor=` of every listing. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(2000).optional(),
});
