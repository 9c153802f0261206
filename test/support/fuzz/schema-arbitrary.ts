import fc from 'fast-check';
import { z } from 'zod';
import { dateString, hostileValue, timeString } from './hostile';

type Json = Record<string, unknown>;

/**
 * Valid-ish values of a zod schema, from its input JSON Schema: right shapes and types, so the
 * router's parse often passes and the use case behind it runs (invalid inputs come from mutating
 * these). Ids are drawn from the world's known ids half of the time, dates from the DST edges.
 */
export function schemaArbitrary(schema: z.ZodType, knownIds: readonly string[]): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return fromJsonSchema(json, knownIds);
}

const phone = fc.oneof(
  fc.constantFrom('067 123 45 67', '+380671234567', '0441234567', '+48 601 234 567', '+380 67 000'),
  fc.stringMatching(/^\+?[0-9 ()-]{5,20}$/),
);
const ID_PATTERN = '^[0-9A-Za-z_-]{1,64}$';

function fromJsonSchema(s: Json, ids: readonly string[]): fc.Arbitrary<unknown> {
  const variants = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (variants?.length) return fc.oneof(...variants.map((v) => fromJsonSchema(v, ids)));
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => fromJsonSchema({ ...s, type }, ids)));
  switch (s.type) {
    case 'object':
      return objectOf(s, ids);
    case 'array': {
      const items = (s.items as Json | undefined) ?? {};
      const minLength = Number(s.minItems ?? 0);
      return fc.array(fromJsonSchema(items, ids), { minLength, maxLength: Math.max(minLength, 4) });
    }
    case 'string':
      return stringOf(s, ids);
    case 'integer':
    case 'number':
      return numberOf(s);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return hostileValue;
  }
}

function objectOf(s: Json, ids: readonly string[]): fc.Arbitrary<unknown> {
  const properties = (s.properties ?? {}) as Record<string, Json>;
  const model = Object.fromEntries(
    Object.entries(properties).map(([k, v]) => [k, k === 'phone' ? phone : fromJsonSchema(v, ids)]),
  );
  const requiredKeys = ((s.required ?? []) as string[]).filter((k) => k in model);
  return fc.record(model, { requiredKeys });
}

function stringOf(s: Json, ids: readonly string[]): fc.Arbitrary<string> {
  if (s.format === 'date') return dateString;
  if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  const pattern = typeof s.pattern === 'string' ? s.pattern : undefined;
  if (pattern === ID_PATTERN && ids.length)
    return fc.oneof(fc.constantFrom(...ids), fc.stringMatching(/^[0-9A-Za-z_-]{1,64}$/));
  if (pattern?.includes('[01]\\d|2[0-3]')) return timeString;
  if (pattern) {
    try {
      return fc.stringMatching(new RegExp(pattern));
    } catch {
      return fc.string();
    }
  }
  const minLength = Number(s.minLength ?? 0);
  const maxLength = Math.min(Number(s.maxLength ?? 40), minLength + 40);
  return fc.string({ unit: 'grapheme', minLength, maxLength });
}

function numberOf(s: Json): fc.Arbitrary<number> {
  const min =
    typeof s.minimum === 'number'
      ? s.minimum
      : typeof s.exclusiveMinimum === 'number'
        ? s.exclusiveMinimum + 1
        : -1e6;
  const max =
    typeof s.maximum === 'number'
      ? s.maximum
      : typeof s.exclusiveMaximum === 'number'
        ? s.exclusiveMaximum - 1
        : 1e6;
  if (s.type === 'integer') return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Every path to a value inside a JSON value (the value itself is `[]`). */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) paths.push(...pathsOf(v, [...prefix, i]));
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...prefix, k]));
  return paths;
}

/** A copy of `value` with the value at `path` replaced (the root when the path is empty). */
export function replaceAt(value: unknown, path: (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = next;
  return copy;
}

/** Valid-ish values with one place replaced by a hostile value (or an unknown key added). */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), hostileValue, fc.boolean()).map(([value, pick, bad, addKey]) => {
    const paths = pathsOf(value);
    if (addKey && value && typeof value === 'object' && !Array.isArray(value))
      return { ...value, [typeof bad === 'string' && bad.length < 50 ? bad : 'extra']: bad };
    return replaceAt(value, paths[pick % paths.length] ?? [], bad);
  });
}
