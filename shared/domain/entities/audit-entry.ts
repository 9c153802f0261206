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
    /** A dispatcher's hand edit of a day's plan on the board: assign, unassign, lock, vehicle service. */
    'board-edit',
    /** A welfare outcome at the door recorded, with the follow-up task it opened. */
    'welfare',
    /** A follow-up task closed with its note. */
    'close',
    /** A dispatcher marked an alert handled (docs/services/alerts-and-notices.md). */
    'handle',
    /** A resident's rating (1–5) after a trip or visit. */
    'feedback',
    /**
     * A confidential case read (resident or request): `changedFields` names the confidential fields
     * shown in clear (none: the reader saw them masked), never their values.
     */
    'read-confidential',
    /** A CSV import job started (its rows are audited one by one as they are written). */
    'import',
    /** An air-raid alert started (drivers told) or ended (re-plan, held messages released). */
    'air-raid-start',
    'air-raid-end',
    /** The stops not yet made moved later by an air-raid alert's duration so far. */
    'air-raid-shift',
    /** A non-urgent message held while an air-raid alert lasts. */
    'air-raid-hold',
    /** A day an air-raid alert lasted wholly handed to the dispatcher, its rides to rebook. */
    'air-raid-day-over',
  ]),
  /** The kind of item changed, e.g. `Resident`. */
  itemType: z.string(),
  itemId: idSchema,
  changedFields: z.array(z.string()),
  /** `read-confidential` of a list: every confidential record the read returned (itemId: the first). */
  itemIds: z.array(idSchema).optional(),
  /**
   * An admin booked against the hromada's rules: the rules' codes (`rule-quota`, …) and the
   * admin's reason, as typed.
   */
  override: z.strictObject({ codes: z.array(z.string()), reason: z.string() }).optional(),
  /**
   * The action came from another hromada (`air-raid-start`/`air-raid-end` of a raion or oblast
   * alert its dispatcher set): that hromada's id; `actor` is its dispatcher.
   */
  startedFrom: idSchema.optional(),
  expiresAt: z.number().int(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
