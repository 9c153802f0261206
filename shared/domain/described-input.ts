import type { z } from 'zod';

/**
 * A schema whose input JSON Schema cannot be generated from it (a transform that parses by hand,
 * such as a partial update) names the schema that describes what it accepts, so that the API
 * description shows the real body instead of "anything".
 */
const describedInputs = new WeakMap<z.ZodType, z.ZodType>();

export function describeInputAs<S extends z.ZodType>(schema: S, input: z.ZodType): S {
  describedInputs.set(schema, input);
  return schema;
}

/** The schema describing what `schema` accepts: the one it named, or itself. */
export function describedInputOf(schema: z.ZodType): z.ZodType {
  return describedInputs.get(schema) ?? schema;
}
