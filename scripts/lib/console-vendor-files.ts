/**
 * The files the dispatcher console loads from npm packages, copied as they are into
 * `console/vendor/` (the console has no build step). `npm run vendor:console` copies them; a unit
 * test fails when a copy differs from the installed package's file.
 */
export const CONSOLE_VENDOR_FILES: readonly { from: string; to: string }[] = [
  { from: 'preact/dist/preact.mjs', to: 'preact.js' },
  { from: 'preact/hooks/dist/hooks.mjs', to: 'preact-hooks.js' },
  { from: 'htm/dist/htm.mjs', to: 'htm.js' },
  { from: 'leaflet/dist/leaflet-src.esm.js', to: 'leaflet.js' },
  { from: 'leaflet/dist/leaflet.css', to: 'leaflet.css' },
  // the deployed console's sign-in (console/auth.js); its ESM build imports jwt-decode by name
  { from: 'oidc-client-ts/dist/esm/oidc-client-ts.js', to: 'oidc-client-ts.js' },
  { from: 'jwt-decode/build/esm/index.js', to: 'jwt-decode.js' },
];
