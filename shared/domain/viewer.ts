/**
 * Who reads a record, for masking confidential cases: the signed-in account's role and, for a
 * dispatcher or a brigade member, the provider (УСЗН, ЦСС, терцентр…) they work for.
 *
 * Roles come from the JWT (Cognito groups, shared/http/viewer.ts): `admins` → admin,
 * `dispatchers` → dispatcher, `brigade` → brigade (a member of a mobile brigade; no API route
 * admits this group yet, the role exists so that masking already knows it). The provider is the
 * custom attribute `custom:provider_id`; a hromada-wide dispatcher has none.
 */
export type ViewerRole = 'admin' | 'dispatcher' | 'brigade' | 'other';

export interface Viewer {
  /** The JWT subject (the audit's actor). */
  id: string;
  role: ViewerRole;
  providerId?: string;
}
