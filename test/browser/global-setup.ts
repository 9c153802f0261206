import type { TestProject } from 'vitest/node';
import { type Platform, startPlatform } from './support/platform';

declare module 'vitest' {
  export interface ProvidedContext {
    consoleUrl: string;
    demoDay: string;
  }
}

let platform: Platform | undefined;

/** One local platform (in memory, demo data, free ports) for every browser test file. */
export async function setup(project: TestProject) {
  platform = await startPlatform();
  project.provide('consoleUrl', platform.url);
  project.provide('demoDay', platform.demoDay);
}

export async function teardown() {
  await platform?.stop();
}
