import { z } from 'zod';

/**
 * An alphanumeric SMS sender ID, as AWS and the carriers accept it: 3–11 characters A–Z a–z 0–9
 * with at least one letter (a hromada's own, the neutral one for confidential cases, the
 * deployment's default).
 */
export const senderIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9]{3,11}$/, '3–11 alphanumeric characters (A–Z, a–z, 0–9)')
  .refine((value) => /[A-Za-z]/.test(value), 'must contain at least one letter');
