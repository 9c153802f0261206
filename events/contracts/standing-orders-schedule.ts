import { z } from 'zod';

/** The input of the daily schedule of functions/generate-standing-orders (set in the CDK target). */
export const standingOrdersScheduleSchema = z.strictObject({
  job: z.literal('generate-standing-orders'),
});
export type StandingOrdersSchedule = z.infer<typeof standingOrdersScheduleSchema>;
