// Who the console acts as. Deployed (a config.json next to the page, made by the console stack):
// the Cognito hosted UI, authorization code with PKCE through oidc-client-ts, and the ID token on
// every API call (the API reads custom:hromada_id from it: only the ID token carries it). Locally
// (npm start, no config.json): a role chosen in the page, admin by default, sent in a header the
// local HTTP bridge turns into the claims Cognito would give.

/** The roles, strongest first, each from its Cognito group (as shared/http/viewer.ts reads them). */
export const ROLES = [
  { role: 'admin', group: 'admins', words: 'Адміністратор' },
  { role: 'dispatcher', group: 'dispatchers', words: 'Диспетчер' },
  { role: 'brigade', group: 'brigade', words: 'Мобільна бригада' },
];

/**
 * A regional provider's user (docs/services/regional-tours.md): a member of `dispatchers` or
 * `brigade` whose token carries `custom:provider_id` and no `custom:hromada_id` (the API admits them
 * to /providers/{p}/… only). Locally, a role of the selector; its provider is `?provider=` or the
 * demo's regional centre.
 */
export const PROVIDER_ROLE = { role: 'provider', words: 'Надавач (регіональний центр)' };
/** The local platform's demo provider (infra/local/demo-tours.ts). */
export const LOCAL_PROVIDER = 'ocss';
/** The roles the local selector offers. */
export const LOCAL_ROLES = [...ROLES, PROVIDER_ROLE];

/** The provider a token's claims make its user work for, when it is a provider's user only. */
export function providerOfClaims(claims) {
  const provider = claims?.['custom:provider_id'];
  const role = roleOfGroups(claims?.['cognito:groups']);
  if (typeof provider !== 'string' || !provider || claims['custom:hromada_id']) return undefined;
  return role === 'dispatcher' || role === 'brigade' ? provider : undefined;
}

/** The strongest role of a user's groups; undefined when none is known. */
export function roleOfGroups(groups) {
  const list = Array.isArray(groups) ? groups : [];
  return ROLES.find((r) => list.includes(r.group))?.role;
}

/** What the console offers a role; the API checks the same on every call. */
export function offersOf(role) {
  return {
    // the registries: the dispatch desk (the API admits dispatchers); the hromada's rules: admins
    editRegistry: role === 'admin' || role === 'dispatcher',
    editRules: role === 'admin',
    // booking, planning and sending routes: the dispatch desk
    dispatch: role === 'admin' || role === 'dispatcher',
    // air-raid alerts and danger zones (read and changed): the routes admit admins and dispatchers
    wartime: role === 'admin' || role === 'dispatcher',
  };
}

/** The claims of a JWT (not verified: the API verifies; the console only reads them). */
export function claimsOf(token) {
  const part = String(token ?? '').split('.')[1];
  if (!part) return {};
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) =>
      c.charCodeAt(0),
    );
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {};
  }
}

/**
 * oidc-client-ts settings for the hosted UI. The endpoints are given, not discovered, so the page
 * talks only to the hosted UI's domain (the CSP's connect-src) and never to cognito-idp.
 */
export function oidcSettings(auth) {
  const { domain, authority, clientId, redirectUri } = auth;
  return {
    authority,
    client_id: clientId,
    redirect_uri: redirectUri,
    post_logout_redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    loadUserInfo: false,
    monitorSession: false,
    automaticSilentRenew: true,
    metadata: {
      issuer: authority,
      authorization_endpoint: `${domain}/oauth2/authorize`,
      token_endpoint: `${domain}/oauth2/token`,
      userinfo_endpoint: `${domain}/oauth2/userInfo`,
      revocation_endpoint: `${domain}/oauth2/revoke`,
    },
  };
}

/** Cognito's sign-out: its own /logout (not OIDC end-session), back to the console. */
export function signOutUrl(auth) {
  const query = new URLSearchParams({ client_id: auth.clientId, logout_uri: auth.redirectUri });
  return `${auth.domain}/logout?${query}`;
}

/** True when the page was opened by the hosted UI's redirect (a code, or an error, with state). */
export const isSignInCallback = (search) => {
  const params = new URLSearchParams(search);
  return params.has('state') && (params.has('code') || params.has('error'));
};

/** The local platform's header: the role the local HTTP bridge acts as. */
export const LOCAL_ROLE_HEADER = 'x-local-role';
const LOCAL_ROLE_KEY = 'hromada.localRole';

/** The local role saved in the browser, admin when none (or an unknown one) is saved. */
export function localRoleOf(saved) {
  return LOCAL_ROLES.some((r) => r.role === saved) ? saved : 'admin';
}

/** A session on the local platform: no sign-in, the chosen role. */
function localSession(storage) {
  const role = localRoleOf(storage?.getItem(LOCAL_ROLE_KEY));
  const given = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('provider');
  return {
    local: true,
    role,
    offers: offersOf(role),
    ...(role === PROVIDER_ROLE.role ? { providerId: given || LOCAL_PROVIDER } : {}),
    url: (path) => path,
    headers: async () => ({ [LOCAL_ROLE_HEADER]: role }),
    chooseRole: (next) => {
      storage?.setItem(LOCAL_ROLE_KEY, localRoleOf(next));
      location.reload();
    },
  };
}

/** The deployed session: signed in through the hosted UI (this navigates away when not yet). */
async function signedInSession(config) {
  const { UserManager } = await import('oidc-client-ts');
  const manager = new UserManager(oidcSettings(config.auth));
  if (isSignInCallback(location.search)) {
    const user = await manager.signinRedirectCallback();
    history.replaceState(null, '', `${location.pathname}${typeof user.state === 'string' ? user.state : ''}`);
  }
  let user = await manager.getUser();
  if (!user || user.expired) {
    await manager.signinRedirect({ state: location.hash });
    return new Promise(() => {}); // the browser is leaving for the sign-in page
  }
  const claims = claimsOf(user.id_token);
  const providerId = providerOfClaims(claims);
  const role = providerId ? PROVIDER_ROLE.role : roleOfGroups(claims['cognito:groups']);
  manager.events.addUserLoaded((loaded) => {
    user = loaded;
  });
  return {
    local: false,
    role,
    offers: offersOf(role),
    ...(providerId ? { providerId } : {}),
    email: claims.email,
    url: (path) => `${config.apiUrl}${path}`,
    headers: async () => {
      const current = (await manager.getUser()) ?? user;
      return { authorization: `Bearer ${current.id_token}` };
    },
    /** The API refused the token (expired, revoked): sign in again. */
    signInAgain: async () => {
      await manager.removeUser();
      await manager.signinRedirect({ state: location.hash });
    },
    signOut: async () => {
      await manager.removeUser();
      location.assign(signOutUrl(config.auth));
    },
  };
}

/** The strip at the foot of the page: the local role selector, or the signed-in user with «Вийти». */
function showSession(session) {
  const footer = document.createElement('footer');
  footer.id = 'session';
  if (session.local) {
    const label = document.createElement('label');
    label.append('Роль (лише локально) ');
    const select = document.createElement('select');
    for (const { role, words } of LOCAL_ROLES)
      select.add(new Option(words, role, false, role === session.role));
    select.addEventListener('change', () => session.chooseRole(select.value));
    label.append(select);
    footer.append(label);
  } else {
    const who = LOCAL_ROLES.find((r) => r.role === session.role)?.words ?? 'без ролі';
    footer.append(`${session.email ?? ''} (${who}) `);
    const out = document.createElement('button');
    out.type = 'button';
    out.textContent = 'Вийти';
    out.addEventListener('click', () => session.signOut());
    footer.append(out);
  }
  document.body.append(footer);
  document.documentElement.dataset.role = session.role ?? 'none';
}

async function start() {
  const res = await fetch('config.json', { cache: 'no-store' }).catch(() => undefined);
  const config = res?.ok ? await res.json().catch(() => undefined) : undefined;
  const session = config?.auth ? await signedInSession(config) : localSession(globalThis.localStorage);
  if (config?.apiUrl && !config.auth) session.url = (path) => `${config.apiUrl}${path}`;
  // the map's tiles (console/view-map.js): the deployed CSP allows the configured tile host only
  if (config?.tileUrl) globalThis.localStorage?.setItem('tileUrl', config.tileUrl);
  showSession(session);
  return session;
}

/** This page's session; outside a browser (unit tests) a local admin with no page around it. */
export const session = typeof document === 'undefined' ? localSession(undefined) : await start();
