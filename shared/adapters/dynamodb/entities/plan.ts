import type { Plan } from '../../../domain/entities/plan';
import { inHromada } from './layout';

/** Pattern 19: a day's plan, by its date (a plan's id is its date). */
export const planLayout = inHromada<Plan>('Plan', 'PLAN');
