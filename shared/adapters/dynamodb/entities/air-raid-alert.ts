import type { AirRaidAlert } from '../../../domain/entities/air-raid-alert';
import { inHromada } from './layout';

/**
 * An air-raid alert in its hromada's partition, `AIRRAID#<id>` (a ULID, so the sort key orders
 * them by start): AR1 lists them newest first, the newest is the only one that may be active.
 */
export const airRaidAlertLayout = inHromada<AirRaidAlert>('AirRaidAlert', 'AIRRAID');
