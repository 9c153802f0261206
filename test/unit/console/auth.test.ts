import { describe, expect, it } from 'vitest';
import {
  claimsOf,
  isSignInCallback,
  localRoleOf,
  offersOf,
  oidcSettings,
  providerOfClaims,
  roleOfGroups,
  session,
  signOutUrl,
} from '../../../console/auth.js';

const auth = {
  authority: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_AbC',
  domain: 'https://khm-dispatch.auth.eu-central-1.amazoncognito.com',
  clientId: 'client123',
  redirectUri: 'https://console.example.org/',
};
const jwt = (claims: Record<string, unknown>) =>
  `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;

describe('console sign-in: roles from Cognito groups', () => {
  it('takes the strongest group, as the API does', () => {
    expect(roleOfGroups(['dispatchers', 'admins'])).toBe('admin');
    expect(roleOfGroups(['brigade', 'dispatchers'])).toBe('dispatcher');
    expect(roleOfGroups(['brigade'])).toBe('brigade');
    expect(roleOfGroups(['others'])).toBeUndefined();
    expect(roleOfGroups(undefined)).toBeUndefined();
  });

  it('offers rules editing to admins only, registry editing and dispatch to admins and dispatchers', () => {
    expect(offersOf('admin')).toEqual({ editRegistry: true, editRules: true, dispatch: true, wartime: true });
    expect(offersOf('dispatcher')).toEqual({
      editRegistry: true,
      editRules: false,
      dispatch: true,
      wartime: true,
    });
    expect(offersOf('brigade')).toEqual({
      editRegistry: false,
      editRules: false,
      dispatch: false,
      wartime: false,
    });
    expect(offersOf(undefined)).toEqual({
      editRegistry: false,
      editRules: false,
      dispatch: false,
      wartime: false,
    });
  });

  it("reads an ID token's claims (groups, e-mail, Ukrainian letters) and nothing from garbage", () => {
    const token = jwt({ 'cognito:groups': ['dispatchers'], email: 'olena@khm.gov.ua', name: 'Олена' });
    expect(claimsOf(token)).toEqual({
      'cognito:groups': ['dispatchers'],
      email: 'olena@khm.gov.ua',
      name: 'Олена',
    });
    expect(claimsOf('not-a-jwt')).toEqual({});
    expect(claimsOf('a.%%%.b')).toEqual({});
    expect(claimsOf(undefined)).toEqual({});
  });
});

describe('console sign-in: the hosted UI', () => {
  it('uses the authorization code flow against the hosted UI endpoints, given not discovered', () => {
    const settings = oidcSettings(auth);
    expect(settings).toMatchObject({
      authority: auth.authority,
      client_id: 'client123',
      redirect_uri: auth.redirectUri,
      post_logout_redirect_uri: auth.redirectUri,
      response_type: 'code',
      scope: 'openid email profile',
      metadata: {
        issuer: auth.authority,
        authorization_endpoint: `${auth.domain}/oauth2/authorize`,
        token_endpoint: `${auth.domain}/oauth2/token`,
      },
    });
    expect(
      Object.values(settings.metadata).every((url) => url === auth.authority || url.startsWith(auth.domain)),
    ).toBe(true);
  });

  it("signs out through Cognito's /logout back to the console", () => {
    const url = new URL(signOutUrl(auth));
    expect(url.origin + url.pathname).toBe(`${auth.domain}/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client123',
      logout_uri: auth.redirectUri,
    });
  });

  it('knows the redirect back from the hosted UI', () => {
    expect(isSignInCallback('?code=abc&state=xyz')).toBe(true);
    expect(isSignInCallback('?error=access_denied&state=xyz')).toBe(true);
    expect(isSignInCallback('?code=abc')).toBe(false);
    expect(isSignInCallback('?h=khmilnytska&date=2026-12-03')).toBe(false);
  });
});

describe('console sign-in: the local platform', () => {
  it('acts as the saved role, admin when none or an unknown one is saved', () => {
    expect(localRoleOf(null)).toBe('admin');
    expect(localRoleOf('root')).toBe('admin');
    expect(localRoleOf('dispatcher')).toBe('dispatcher');
    expect(localRoleOf('provider')).toBe('provider');
  });

  it("a regional provider's user: custom:provider_id without a hromada, in dispatchers or brigade", () => {
    const groups = (g: string[]) => ({ 'cognito:groups': g, 'custom:provider_id': 'ocss' });
    expect(providerOfClaims(groups(['dispatchers']))).toBe('ocss');
    expect(providerOfClaims(groups(['brigade']))).toBe('ocss');
    // an admin, or a hromada's own dispatcher, stays what they are
    expect(providerOfClaims(groups(['admins']))).toBeUndefined();
    expect(providerOfClaims({ ...groups(['dispatchers']), 'custom:hromada_id': 'khm' })).toBeUndefined();
    expect(providerOfClaims({ 'cognito:groups': ['dispatchers'] })).toBeUndefined();
    expect(offersOf('provider')).toEqual({
      editRegistry: false,
      editRules: false,
      dispatch: false,
      wartime: false,
    });
  });

  it('outside a browser: a local admin, same-origin paths, the role header', async () => {
    expect(session.local).toBe(true);
    expect(session.role).toBe('admin');
    expect(session.url('/hromady/x')).toBe('/hromady/x');
    expect(await session.headers()).toEqual({ 'x-local-role': 'admin' });
  });
});
