import type { z } from 'zod';
import { type IssueDetail, ValidationError } from './errors';

export function issuesOf(error: z.ZodError): IssueDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Parse with a zod schema; a failure becomes a ValidationError carrying the zod paths. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = issuesOf(result.error);
    const first = issues[0];
    throw new ValidationError(
      first ? `Invalid ${what}: ${first.path}: ${first.message}` : `Invalid ${what}`,
      issues,
    );
  }
  return result.data;
}
