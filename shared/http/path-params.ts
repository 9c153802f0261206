import type { z } from 'zod';
import { idSchema, localDateSchema } from '../domain/common';
import { ValidationError } from '../domain/errors';

/**
 * Every path parameter the API uses, by name, with the schema it must satisfy. The router checks
 * each one before any handler runs, so no handler sees a malformed, over-long or oddly encoded
 * id (DynamoDB refuses keys past 2 KB with an error that would otherwise be a 500).
 */
export const pathParamSchemas: Readonly<Record<string, z.ZodType<string>>> = {
  hromadaId: idSchema,
  id: idSchema,
  date: localDateSchema,
};

/** Percent-decode one path segment and check it by the parameter's name: a 400 naming it if bad. */
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
