/** Why a mobile-case booking is refused, in the dispatcher's (and resident's) words. */
export const CASE_REASONS = {
  slotTaken: 'цей час уже зайнятий, оберіть інший',
  alreadyBooked: 'мешканець уже записаний на цю зупинку',
  bookingChanged: 'запис щойно змінили, спробуйте ще раз',
  noFreeSlot: 'вільного часу на цій зупинці вже немає',
  stopClosed: 'на цю зупинку вже не записують (скасована або минула)',
} as const;
