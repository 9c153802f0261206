import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONSOLE_VENDOR_FILES } from '../../../scripts/lib/console-vendor-files';

const root = new URL('../../../', import.meta.url);

describe("the console's vendored libraries", () => {
  it.each(CONSOLE_VENDOR_FILES)('console/vendor/$to is node_modules/$from as installed', ({ from, to }) => {
    const installed = readFileSync(new URL(`node_modules/${from}`, root));
    const vendored = readFileSync(new URL(`console/vendor/${to}`, root));
    expect(vendored.equals(installed), `run npm run vendor:console`).toBe(true);
  });
});
