/**
 * The Ukrainian reasons of the refusals a caller meets when someone else's change won a race (and
 * the call's own attempts ran out): nothing was saved, and trying again will most likely succeed.
 */
export const BUSY_ITEM_REASON = 'Ці дані саме змінює хтось інший; нічого не збережено, спробуйте ще раз';

export const BUSY_RESIDENT_DAY_REASON =
  'Записи цього мешканця на цей день саме змінює інший диспетчер; нічого не збережено, спробуйте ще раз';
