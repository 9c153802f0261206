// A delivery's parcel and its handover as the driver reads them on the manifest (no preact here,
// so the unit tests import it).

/** A delivery's parcel and who may take it, as the driver reads it at the door. */
export function parcelText(request) {
  const parcel = request?.parcel;
  if (!parcel) return '';
  const h = request.handover;
  const who =
    h?.mode === 'trusted'
      ? `; передати довіреній особі: ${h.trustedName}${h.trustedPhone ? `, ${h.trustedPhone}` : ''}`
      : '; вручити особисто';
  return (
    `посилка: ${parcel.count ?? 1} шт., ${parcel.kg} кг` +
    `${parcel.litres ? `, ${parcel.litres} л` : ''}${parcel.cold ? ', холод' : ''}${who}`
  );
}
