import { z } from 'zod';
import { idSchema, isoInstantSchema } from '../common';

/** Who changed what, when. Field names only: values (personal data) are not copied here. */
export const auditEntrySchema = z.object({
  id: idSchema,
  hromadaId: idSchema,
  at: isoInstantSchema,
  actor: z.string().min(1).max(200),
  action: z.enum([
    'create',
    'update',
    'delete',
    'cancel',
    'book',
    'confirm',
    'plan',
    'publish',
    'outcome',
    /** A request's time, places or passengers changed (PATCH). */
    'edit',
    /** A request left a draft plan (cancelled or edited): no driver was sent it yet. */
    'withdraw',
    /** A published plan changed by a cancellation: its driver was sent the new route. */
    'cancel-after-publish',
    /** A published plan changed by an edit: its driver was sent the new route. */
    'edit-after-publish',
    /** A resident's personal data erased on request (their requests stripped of places and purpose). */
    'erase',
  ]),
  /** The kind of item changed, e.g. `Resident`. */
  itemType: z.string(),
  itemId: idSchema,
  changedFields: z.array(z.string()),
  /**
   * An admin booked against the hromada's rules: the rules' codes (`rule-quota`, …) and the
   * admin's reason, as typed.
   */
  override: z.strictObject({ codes: z.array(z.string()), reason: z.string() }).optional(),
  expiresAt: z.number().int(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
