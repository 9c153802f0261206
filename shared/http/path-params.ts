import { z } from 'zod';
import { idSchema, localDateSchema } from '../domain/common';
import { ValidationError } from '../domain/errors';

/**
 * The path parameters routes declare (`params` on each route). The router percent-decodes each
 * one and checks it with the route's schema before any handler runs, so no handler sees a
 * malformed, over-long or oddly encoded id (DynamoDB refuses keys past 2 KB with an error that
 * would otherwise be a 500).
 */
export const noParams = z.object({});
export const hromadaParams = z.object({ hromadaId: idSchema });
export const itemParams = z.object({ hromadaId: idSchema, id: idSchema });
export const dayParams = z.object({ hromadaId: idSchema, date: localDateSchema });

/** Percent-decode one path segment and check it with its schema: a 400 naming it if bad. */
export function parsePathParam(name: string, raw: string, schema: z.ZodType<string>): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new ValidationError(`Invalid path parameter ${name}: malformed percent-encoding`, [
      { path: name, message: 'malformed percent-encoding' },
    ]);
  }
  const result = schema.safeParse(decoded);
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? 'invalid';
  throw new ValidationError(`Invalid path parameter ${name}: ${message}`, [{ path: name, message }]);
}

/** The `{name}`s of a route path, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
}
