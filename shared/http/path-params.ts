import { z } from 'zod';
import { idSchema, localDateSchema } from '../domain/common';
import { ValidationError } from '../domain/errors';

/**
 * Path parameters. The router percent-decodes each one and checks it with its schema before any
 * handler runs, so no handler sees a malformed, over-long or oddly encoded id (DynamoDB refuses
 * keys past 2 KB with an error that would otherwise be a 500). The schema of every name a route
 * may use; a route that uses another must declare `params` or is refused.
 */
const BY_NAME: Record<string, z.ZodType<string>> = {
  hromadaId: idSchema,
  id: idSchema,
  date: localDateSchema,
};

/** The `{name}`s of a path, as a type: `'/hromady/{hromadaId}/plans/{date}'` → `'hromadaId' | 'date'`. */
type ParamNames<P extends string> = P extends `${string}{${infer N}}${infer Rest}`
  ? N | ParamNames<Rest>
  : never;
/** A route's parsed path parameters, typed from its path. */
export type PathParams<P extends string> = { [K in ParamNames<P>]: string };

/** The params schema of a path, by its parameters' names (`hromadaId`, `id`, `date`). */
export function paramsSchemaOf(path: string): z.ZodObject<Record<string, z.ZodType<string>>> {
  const shape: Record<string, z.ZodType<string>> = {};
  for (const name of pathParamNames(path)) {
    const schema = BY_NAME[name];
    if (!schema) throw new Error(`${path}: no schema for path parameter {${name}}; declare params`);
    shape[name] = schema;
  }
  return z.object(shape);
}

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
