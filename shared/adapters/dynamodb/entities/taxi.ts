import type { Place } from '../../../domain/entities/place';
import type { StandingOrder } from '../../../domain/entities/standing-order';
import { inHromada } from './layout';

/** A known place (pattern 1, 2): in the hromada's partition, no index. */
export const placeLayout = inHromada<Place>('Place', 'PLACE');

/** Pattern T1: a standing order, by id, and a hromada's orders listed (pattern 2's prefix query). */
export const standingOrderLayout = inHromada<StandingOrder>('StandingOrder', 'STANDING');
