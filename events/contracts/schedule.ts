import { z } from 'zod';

/** The input EventBridge Scheduler passes to functions/remind (set in the CDK schedule target). */
export const remindScheduleSchema = z.strictObject({
  job: z.literal('queue-reminders'),
});
export type RemindSchedule = z.infer<typeof remindScheduleSchema>;
