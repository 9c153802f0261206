import type { AirRaidArea } from '../domain/entities/air-raid-alert';

/**
 * Where air-raid alerts come from besides a dispatcher: the areas (oblasts, raions, hromady) under
 * an alert now. In AWS an HTTP source with a token from the secret store, chosen per deployment
 * (shared/adapters/air-raid/air-raid-feed-from-config.ts: alerts.in.ua in http-air-raid-feed.ts,
 * ukrainealarm.com in ukrainealarm-air-raid-feed.ts); locally a stub.
 */
export interface AirRaidFeed {
  /** The areas under an alert now. Throws when the source cannot be read (nothing is ended then). */
  activeAreas(): Promise<AirRaidArea[]>;
  /**
   * After activeAreas: the oblasts (KATOTTG codes) holding an alert whose own location could not
   * be mapped to an area (a raion or hromada the deployment's table lacks). A feed alert of a
   * hromada in such an oblast is not ended on that answer: its raion may be the one named.
   */
  unmappedOblasts?(): readonly string[];
}
