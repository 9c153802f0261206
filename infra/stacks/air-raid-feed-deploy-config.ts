/**
 * The air-raid feed's CDK settings that must go together, checked at synth
 * (deploy-config.ts), so that a deployment that would poll the wrong host, or poll the right one and
 * never start an alert, is not deployed.
 */
import { configSchema } from '../../shared/config/config';

interface FeedSettings {
  airRaidFeed?: 'off' | 'alerts-in-ua' | 'ukrainealarm' | undefined;
  airRaidFeedUrl?: string | undefined;
  airRaidFeedBaseUrl?: string | undefined;
  airRaidFeedAreas?: string | undefined;
}

interface Issue {
  path: string[];
  message: string;
}

/**
 * ukrainealarm stopped raising State (oblast) alarms on 7 Nov 2025, except for states without
 * districts (the provider's e-mail to API users, as the maintainer of Home Assistant's
 * `ukraine_alarm` integration reports it: https://github.com/home-assistant/core/pull/156183). Its
 * alerts come at district and community level, so a deployment must map those.
 */
const UKRAINEALARM_NEEDS_AREAS =
  'required with airRaidFeed ukrainealarm, naming raions or hromady: since 7 Nov 2025 it raises no ' +
  'oblast-wide alarm for an oblast with raions, only raion and hromada ones (docs/services/wartime.md)';

/** A KATOTTG code of an oblast or a city with a region's status (its raion digits are 00). */
const OBLAST_CODE = /^UA\d{2}00\d{13}$/;

export function airRaidFeedIssues(config: FeedSettings): Issue[] {
  const source = config.airRaidFeed ?? (config.airRaidFeedUrl ? 'alerts-in-ua' : 'off');
  const issues: Issue[] = [];
  const issue = (key: keyof FeedSettings, message: string) => issues.push({ path: [key], message });
  if (source === 'alerts-in-ua' && !config.airRaidFeedUrl)
    issue('airRaidFeedUrl', 'required when airRaidFeed is alerts-in-ua');
  // each source's own URL setting only: the other's would send the key to the wrong host
  if (source === 'ukrainealarm' && config.airRaidFeedUrl)
    issue(
      'airRaidFeedUrl',
      "alerts.in.ua's URL, not used with airRaidFeed ukrainealarm: remove it (airRaidFeedBaseUrl overrides ukrainealarm's base)",
    );
  if (source === 'alerts-in-ua' && config.airRaidFeedBaseUrl)
    issue(
      'airRaidFeedBaseUrl',
      "ukrainealarm's base, not used with alerts-in-ua (airRaidFeedUrl, the whole URL)",
    );
  const areas = configSchema.shape.AIR_RAID_FEED_AREAS.safeParse(config.airRaidFeedAreas);
  if (!areas.success)
    issue('airRaidFeedAreas', 'a JSON object {"<location id>": "<KATOTTG code or hromada id>"}');
  else if (source === 'ukrainealarm' && Object.values(areas.data).every((area) => OBLAST_CODE.test(area)))
    issue('airRaidFeedAreas', UKRAINEALARM_NEEDS_AREAS);
  return issues;
}
