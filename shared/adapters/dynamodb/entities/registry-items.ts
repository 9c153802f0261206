import type { Depot } from '../../../domain/entities/depot';
import type { Provider } from '../../../domain/entities/provider';
import type { Settlement } from '../../../domain/entities/settlement';
import type { Vehicle } from '../../../domain/entities/vehicle';
import { inHromada } from './layout';

/** Registry items found by id or listed by kind only (patterns 1, 2): no index. */
export const settlementLayout = inHromada<Settlement>('Settlement', 'SETTLEMENT');
export const depotLayout = inHromada<Depot>('Depot', 'DEPOT');
export const providerLayout = inHromada<Provider>('Provider', 'PROVIDER');
export const vehicleLayout = inHromada<Vehicle>('Vehicle', 'VEHICLE');
