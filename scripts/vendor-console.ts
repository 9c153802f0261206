/**
 * npm run vendor:console: copies preact, preact/hooks, htm, leaflet and oidc-client-ts (with
 * jwt-decode) from node_modules into
 * console/vendor/ (the list: scripts/lib/console-vendor-files.ts). Run after upgrading them.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { CONSOLE_VENDOR_FILES } from './lib/console-vendor-files';

const root = new URL('..', import.meta.url);
mkdirSync(new URL('console/vendor/', root), { recursive: true });
for (const { from, to } of CONSOLE_VENDOR_FILES) {
  copyFileSync(new URL(`node_modules/${from}`, root), new URL(`console/vendor/${to}`, root));
  console.log(`console/vendor/${to} ← ${from}`);
}
