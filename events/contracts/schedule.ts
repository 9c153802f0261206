import { z } from 'zod';

/** The input EventBridge Scheduler passes to functions/remind (set in the CDK schedule target). */
export const remindScheduleSchema = z.strictObject({
  job: z.literal('queue-reminders'),
});
export type RemindSchedule = z.infer<typeof remindScheduleSchema>;

/** The input of the every-minute schedule of functions/sweep-outbox. */
export const sweepScheduleSchema = z.strictObject({
  job: z.literal('sweep-outbox'),
});
export type SweepSchedule = z.infer<typeof sweepScheduleSchema>;

/** The input of the every-15-minutes schedule of functions/remind: mobile-case announcements. */
export const announceScheduleSchema = z.strictObject({
  job: z.literal('announce-case-stops'),
});
export type AnnounceSchedule = z.infer<typeof announceScheduleSchema>;

/** The input of the every-minute schedule of functions/poll-air-raids. */
export const airRaidScheduleSchema = z.strictObject({
  job: z.literal('poll-air-raids'),
});
export type AirRaidSchedule = z.infer<typeof airRaidScheduleSchema>;
