/** One cached cell: the road from one point to another. */
export interface TravelCell {
  /** Seconds. */
  duration: number;
  /** Metres. */
  distance: number;
}

/**
 * Where road travel times between points are kept across days (DynamoDB with a TTL; in memory for
 * tests). Keys are made by `cellKey`.
 */
export interface TravelCellStore {
  get(keys: string[]): Promise<Map<string, TravelCell>>;
  put(cells: Array<[string, TravelCell]>): Promise<void>;
}

/** ~1 m: the same settlement or address always rounds to the same key. */
export const roundCoordinate = (x: number): string => x.toFixed(5);

export const pointKey = (p: { lat: number; lon: number }): string =>
  `${roundCoordinate(p.lat)},${roundCoordinate(p.lon)}`;

/** profile | from | to. The DynamoDB store splits it into its partition (profile + from) and sort key. */
export const cellKey = (profile: string, from: string, to: string): string => `${profile}|${from}|${to}`;

/** The in-memory twin (unit tests, and the local platform if it wants one). */
export class MemoryTravelCellStore implements TravelCellStore {
  readonly cells = new Map<string, TravelCell>();

  async get(keys: string[]): Promise<Map<string, TravelCell>> {
    const found = new Map<string, TravelCell>();
    for (const k of keys) {
      const cell = this.cells.get(k);
      if (cell) found.set(k, cell);
    }
    return found;
  }

  async put(cells: Array<[string, TravelCell]>): Promise<void> {
    for (const [k, cell] of cells) this.cells.set(k, cell);
  }
}
