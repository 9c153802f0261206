/**
 * The air-raid feed's settings (AIR_RAID_FEED…), checked at cold start and, the same rules, at
 * synth (infra/stacks/deploy-config.ts). The two providers' URLs are two settings: alerts.in.ua's
 * whole active-alerts URL (AIR_RAID_FEED_URL) and ukrainealarm's base (AIR_RAID_FEED_BASE_URL,
 * an origin: the adapter adds `/api/v3/…`). One setting for both let a deployment switched to
 * ukrainealarm keep alerts.in.ua's URL and send ukrainealarm's key to api.alerts.in.ua.
 */
import { z } from 'zod';

/** http is taken only for a stub on this machine (tests, the local platform). */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What is wrong with a base URL for ukrainealarm, in words; undefined when it is one. */
export function feedBaseUrlProblem(text: string): string | undefined {
  const url = new URL(text);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)))
    return 'must be https';
  if (url.pathname !== '/' || url.search || url.hash || url.username)
    return 'a base URL only, scheme and host (e.g. https://api.ukrainealarm.com): the adapter adds /api/v3/…';
  if (/(^|\.)alerts\.in\.ua$/.test(url.hostname)) return "is alerts.in.ua's host, not ukrainealarm's";
  return undefined;
}

/** ukrainealarm's base URL (https://api.ukrainealarm.com unless overridden). */
export const feedBaseUrlSchema = z.url().superRefine((text, ctx) => {
  const problem = feedBaseUrlProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

interface FeedSettings {
  AIR_RAID_FEED: 'none' | 'http' | 'ukrainealarm' | 'stub';
  AIR_RAID_FEED_URL?: string | undefined;
  AIR_RAID_FEED_BASE_URL?: string | undefined;
  AIR_RAID_FEED_TOKEN_SECRET_ID?: string | undefined;
  AIR_RAID_STUB_FILE?: string | undefined;
}

/** Why the feed's settings do not go together, in words; undefined when they do. */
export function airRaidFeedProblem(d: FeedSettings): string | undefined {
  if (d.AIR_RAID_FEED === 'http' && !(d.AIR_RAID_FEED_URL && d.AIR_RAID_FEED_TOKEN_SECRET_ID))
    return 'AIR_RAID_FEED=http needs AIR_RAID_FEED_URL and AIR_RAID_FEED_TOKEN_SECRET_ID';
  if (d.AIR_RAID_FEED === 'ukrainealarm' && !d.AIR_RAID_FEED_TOKEN_SECRET_ID)
    return 'AIR_RAID_FEED=ukrainealarm needs AIR_RAID_FEED_TOKEN_SECRET_ID';
  if (d.AIR_RAID_FEED === 'ukrainealarm' && d.AIR_RAID_FEED_URL)
    return "AIR_RAID_FEED_URL is alerts.in.ua's URL, not ukrainealarm's (AIR_RAID_FEED_BASE_URL overrides its base)";
  if (d.AIR_RAID_FEED === 'http' && d.AIR_RAID_FEED_BASE_URL)
    return "AIR_RAID_FEED_BASE_URL is ukrainealarm's, not alerts.in.ua's (AIR_RAID_FEED_URL, the whole URL)";
  if (d.AIR_RAID_FEED === 'stub' && !d.AIR_RAID_STUB_FILE)
    return 'AIR_RAID_STUB_FILE is required when AIR_RAID_FEED=stub';
  return undefined;
}
