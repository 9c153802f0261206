import type { z } from 'zod';

/**
 * A zod issue as a short reason in Ukrainian, for the dispatcher who fixes the sheet. The schemas
 * speak English to API clients; an import report is read by people in the office.
 */
export function reasonOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return "обов'язкове поле, не заповнено";
      return issue.expected === 'number'
        ? 'очікується число'
        : `неправильний тип (очікується ${issue.expected})`;
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1 ? 'не може бути порожнім' : `мінімум символів: ${issue.minimum}`;
      if (issue.origin === 'array') return 'потрібне хоча б одне значення';
      return `щонайменше ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `максимум символів: ${issue.maximum}`;
      return `щонайбільше ${issue.maximum}`;
    case 'invalid_format':
      return 'неправильний формат';
    case 'invalid_value':
      return `допустимі значення: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `невідомі поля: ${issue.keys.join(', ')}`;
    case 'custom':
      return issue.message.startsWith('control')
        ? 'недопустимі символи (керівні або перенесення рядка)'
        : issue.message;
    default:
      return 'неправильне значення';
  }
}

/** Ukraine's bounds (see geoPointSchema), said in words for the coordinates' columns. */
export function withContext(path: string, reason: string): string {
  if (path.startsWith('location.') && reason.startsWith('щонай'))
    return `${reason} (координати поза Україною?)`;
  if (path === 'katottg' && reason === 'неправильний формат') return 'неправильний формат (UA і 17 цифр)';
  return reason;
}
