/**
 * The provider's only person: a demo account whose `sub` never changes, as a real account's
 * does not, so the gateway and the extension can key their records by it.
 */
import type { Account, FindAccount } from 'oidc-provider';

export const OIDC_DEMO_ACCOUNT = {
  sub: 'oidc-demo-ada-lovelace',
  name: 'Ada Lovelace',
  email: 'ada@example.test',
} as const;

/** Which claims each scope releases (OpenID Connect Core, section 5.4). */
export const SCOPE_CLAIMS = {
  openid: ['sub'],
  email: ['email', 'email_verified'],
  profile: ['name', 'preferred_username', 'updated_at'],
};

/** When the demo profile last changed: fixed, so answers are stable between runs. */
const PROFILE_UPDATED_AT = Date.UTC(2024, 0, 1) / 1000;

const demoAccount: Account = {
  accountId: OIDC_DEMO_ACCOUNT.sub,
  // Every claim the account has; the provider releases only those the token's scopes allow.
  claims: () => ({
    sub: OIDC_DEMO_ACCOUNT.sub,
    name: OIDC_DEMO_ACCOUNT.name,
    email: OIDC_DEMO_ACCOUNT.email,
    email_verified: true,
    preferred_username: OIDC_DEMO_ACCOUNT.email.split('@')[0],
    updated_at: PROFILE_UPDATED_AT,
  }),
};

export const findAccount: FindAccount = (_ctx, sub) =>
  sub === OIDC_DEMO_ACCOUNT.sub ? demoAccount : undefined;
