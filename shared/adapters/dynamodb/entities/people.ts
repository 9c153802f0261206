import type { Driver } from '../../../domain/entities/driver';
import type { Resident } from '../../../domain/entities/resident';
import { INDEX } from '../table-schema';
import { indexKeys, inHromada } from './layout';

/** Pattern 4: residents and drivers of a hromada by phone number (E.164). */
export const peopleByPhone = {
  index: INDEX.peopleByPhone,
  pk: (hromadaId: string, e164: string) => `PHONE#${hromadaId}#${e164}`,
} as const;

/** Residents and drivers: in the hromada's partition; a phone number puts them in peopleByPhone. */
export const residentLayout = inHromada<Resident>('Resident', 'RESIDENT', (r) =>
  r.phone ? indexKeys(peopleByPhone.index, peopleByPhone.pk(r.hromadaId, r.phone), `RESIDENT#${r.id}`) : {},
);
export const driverLayout = inHromada<Driver>('Driver', 'DRIVER', (d) =>
  d.phone ? indexKeys(peopleByPhone.index, peopleByPhone.pk(d.hromadaId, d.phone), `DRIVER#${d.id}`) : {},
);
