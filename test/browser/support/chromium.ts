import { type Browser, chromium } from 'playwright-core';

/** Debian's chromium (a browser download fails here; .ci/run installs it with apt-get). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless chromium through playwright-core (also used by scripts/bench-console.ts). */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}
