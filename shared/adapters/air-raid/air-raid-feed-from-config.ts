import type { Config } from '../../config/config';
import type { AirRaidFeed } from '../../ports/air-raid-feed';
import { secretFromLambdaExtension } from '../secrets/lambda-extension-secret';
import { HttpAirRaidFeed } from './http-air-raid-feed';
import { NO_AIR_RAID_FEED, StubAirRaidFeed } from './stub-air-raid-feed';
import { UkrainealarmAirRaidFeed } from './ukrainealarm-air-raid-feed';

/** The feed the deployment chose (AIR_RAID_FEED); the token only from the secret store. */
export function airRaidFeedFromConfig(config: Config): AirRaidFeed {
  switch (config.AIR_RAID_FEED) {
    case 'http':
      return new HttpAirRaidFeed({
        url: config.AIR_RAID_FEED_URL!,
        token: secretFromLambdaExtension(config.AIR_RAID_FEED_TOKEN_SECRET_ID!, process.env, 8),
        areas: config.AIR_RAID_FEED_AREAS,
      });
    case 'ukrainealarm':
      return new UkrainealarmAirRaidFeed({
        ...(config.AIR_RAID_FEED_BASE_URL ? { baseUrl: config.AIR_RAID_FEED_BASE_URL } : {}),
        token: secretFromLambdaExtension(config.AIR_RAID_FEED_TOKEN_SECRET_ID!, process.env, 8),
        areas: config.AIR_RAID_FEED_AREAS,
      });
    case 'stub':
      return new StubAirRaidFeed(config.AIR_RAID_STUB_FILE!);
    case 'none':
      return NO_AIR_RAID_FEED;
  }
}
