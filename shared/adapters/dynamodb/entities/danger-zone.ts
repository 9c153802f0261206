import type { DangerZone } from '../../../domain/entities/danger-zone';
import { inHromada } from './layout';

/** Patterns ZN1–ZN2: a danger zone by id, and a hromada's zones listed by the sort-key prefix. */
export const dangerZoneLayout = inHromada<DangerZone>('DangerZone', 'ZONE');
