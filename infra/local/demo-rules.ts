/**
 * The demo hromada's rules (feat-rules): its residents' categories, so that the social taxi's
 * eligibility holds for the demo's riders, and a monthly quota that a restart every working day
 * (each books the day's rides again) never reaches, and no quiet hours. The other rules keep
 * their defaults.
 */
import type { HromadaRules } from '../../shared/domain/entities/hromada';
import type { ResidentCategory } from '../../shared/domain/resident-categories';

/** By demo resident (index in DEMO_RESIDENTS): the first seven ride the social taxi. */
const CATEGORIES: ResidentCategory[][] = [
  ['disability-1'], // Ганна Петрівна Шевчук, in a wheelchair
  ['aged-80-plus', 'pensioner-alone'],
  ['disability-2'],
  ['disability-2', 'veteran'],
  ['aged-80-plus'],
  ['disability-1'], // Іван Григорович Мороз, in a wheelchair
  ['disabled-child'],
  ['pensioner-alone'],
  ['pensioner-alone', 'disability-3'],
  ['idp'],
  [],
  ['aged-80-plus'],
];

export const demoCategories = (i: number): ResidentCategory[] => CATEGORIES[i] ?? [];

/**
 * A working day's ride for each taxi rider, every working day of a month, stays within the quota.
 * No quiet hours: whoever starts the demo, at whatever hour, sees its SMS in the sink at once
 * (`from` = `to` means none; a real hromada keeps 21:00–08:00, see docs/services/rules.md).
 */
export const DEMO_RULES: Partial<HromadaRules> = {
  monthlyRideQuota: 25,
  // the demo's plan button answers in seconds (a real hromada keeps 10 s or more)
  planningSeconds: 5,
  quietHours: { from: '00:00', to: '00:00' },
};
