/**
 * The local stand-in for the air-raid feed: a JSON file holding the areas under an alert now
 * (`[{"level": "hromada", "id": "khm"}]`); no file means none. Edit the file to start or end a
 * feed alert on the one-machine platform.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { type AirRaidArea, airRaidAreaSchema } from '../../domain/entities/air-raid-alert';
import type { AirRaidFeed } from '../../ports/air-raid-feed';

export class StubAirRaidFeed implements AirRaidFeed {
  constructor(private readonly file: string) {}

  async activeAreas(): Promise<AirRaidArea[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return z.array(airRaidAreaSchema).max(1000).parse(JSON.parse(text));
  }
}

/** No feed: dispatchers set the alerts by hand. */
export const NO_AIR_RAID_FEED: AirRaidFeed = { activeAreas: async () => [] };
