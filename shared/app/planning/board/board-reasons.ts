/**
 * Why the board refuses to put a request on the vehicle the dispatcher chose, in the dispatcher's
 * words: the engine's reason code for that one vehicle (the task was pinned to it).
 */
import type { UnassignedReasonCode } from '../../../routing/vroom-format';

const REASONS: Record<UnassignedReasonCode | 'crowded', string> = {
  skills: 'це авто не надає цю послугу або не має пандуса для візка',
  vehicle_lock: 'це авто не надає цю послугу або не має пандуса для візка',
  capacity: 'у цьому авто не вистачає місця: сидінь, місць для візка або вантажу',
  time_window: 'це авто не встигає у вікно цієї заявки разом з іншими своїми зупинками',
  max_ride_time: 'з цим авто поїздка вийде довшою за дозволену',
  max_duration: 'не вміщується в тривалість зміни цього авто',
  max_travel_time: 'не вміщується в час їзди цього авто за зміну',
  max_distance: 'не вміщується в пробіг цього авто за зміну',
  max_tasks: 'у цього авто вже забагато зупинок',
  exclusive: 'конфіденційна поїздка не вміщується окремим рейсом цього авто',
  unreachable: 'немає дороги до адреси',
  no_vehicle: 'це авто цього дня не працює',
  not_worth_it: 'не вміщується в маршрут цього авто',
  crowded: 'вміщується в це авто, лише якщо зняти з нього іншу заявку',
};

export function refusalReason(code: UnassignedReasonCode | 'crowded' | undefined): string {
  return REASONS[code ?? 'not_worth_it'];
}

/** Why a request the dispatcher took off its route waits among the unassigned. */
export const TAKEN_OFF_BY_DISPATCHER = 'знято диспетчером';
