import type {
  LatLon,
  MatrixOptions,
  TravelMatrix,
  TravelProfile,
  TravelSource,
  TravelTimes,
} from '../ports/travel-times';

/**
 * The deployment's travel-time sources, picked per plan: the hromada's rule if it names one the
 * deployment has, else the deployment's default. The offline estimate is always there.
 */
export class TravelTimesBySource implements TravelTimes {
  constructor(
    private readonly sources: { offline: TravelTimes; ors?: TravelTimes },
    private readonly byDefault: TravelSource,
  ) {}

  async matrix(points: LatLon[], profile: TravelProfile, options: MatrixOptions = {}): Promise<TravelMatrix> {
    const wanted = options.source ?? this.byDefault;
    const ors = this.sources.ors;
    const avoid = options.avoid?.length ? { avoid: options.avoid } : {};
    if (wanted === 'ors' && ors) return ors.matrix(points, profile, avoid);
    const m = await this.sources.offline.matrix(points, profile, avoid);
    return { ...m, stats: { source: 'offline', estimatedCells: 0, calls: 0, cachedCells: 0 } };
  }
}
