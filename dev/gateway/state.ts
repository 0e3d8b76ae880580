/**
 * Everything one gateway instance remembers. Nothing lives at module level, so any number of
 * gateways can run in one process.
 */
import { dollarsToMicros } from './money';
import { DEMO_ACCOUNT, DEMO_ACCOUNTS, type ModelsShape, type ResolvedOptions } from './options';
import { randomId } from './secrets';

/** The demo account's `sub`: stable across resets and restarts, as a real account's is. */
export const DEMO_USER_ID = DEMO_ACCOUNT.id;

export interface User {
  id: string;
  email: string;
  name: string;
  password: string;
  createdAt: number;
  updatedAt: number;
  maxBudgetMicros: number;
  totalCostMicros: number;
}

export interface Session {
  userId: string;
  expiresAt: number;
  /** Set by a `prompt=login`: the session no longer vouches for anyone until a new sign-in. */
  loginRequired?: boolean;
}

/** An authorize request waiting for the person to sign in and consent on the page. */
export interface AuthorizeTransaction {
  id: string;
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  scopes: string[];
  /** The page shows the sign-up form instead of the sign-in form. */
  signup: boolean;
  /** Email and password must be entered (no session, `prompt=login`, or sign-up). */
  requireLogin: boolean;
  /** The original query, to link between the sign-in and sign-up variants. */
  query: Record<string, string>;
  expiresAt: number;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  userId: string;
  expiresAt: number;
  /** Set on first presentation: a code is single-use. */
  used: boolean;
  /** The grant issued from this code, revoked if the code is presented again. */
  grantId: string | undefined;
}

/** One sign-in of one user in one client: the family of tokens that rotate from one code. */
export interface Grant {
  id: string;
  userId: string;
  clientId: string;
  scopes: string[];
  revoked: boolean;
  /** A refresh of this grant is being processed right now. */
  refreshing: boolean;
}

export interface AccessToken {
  grantId: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshToken {
  grantId: string;
  expiresAt: number;
  /** `rotated`: exchanged once already; presenting it again is reuse. */
  status: 'active' | 'rotated' | 'revoked';
}

export interface CheckoutSession {
  userId: string;
  amountMicros: number;
  paid: boolean;
}

export interface StoredFile {
  contentType: string;
  bytes: Buffer;
}

/** Settings that the control interface can change while the gateway runs. */
export interface RuntimeSettings {
  paceMs: number;
  accessTokenTtlSeconds: number;
  modelsShape: ModelsShape;
  /** When set, every chat answer is exactly this text. */
  replyOverride: string | null;
  /** When set, every chat model reads this many tokens at most, and lists it (see api/context-limit.ts). */
  contextLengthOverride: number | null;
  /** When set, every image answer comes in this form, whatever the request's `response_format`. */
  imageFormatOverride: 'url' | 'b64_json' | null;
}

export class GatewayState {
  readonly users = new Map<string, User>();
  readonly sessions = new Map<string, Session>();
  readonly transactions = new Map<string, AuthorizeTransaction>();
  readonly codes = new Map<string, AuthorizationCode>();
  readonly grants = new Map<string, Grant>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly refreshTokens = new Map<string, RefreshToken>();
  /** Scopes each user has consented to, per client: key `${userId} ${clientId}`. */
  readonly consents = new Map<string, Set<string>>();
  readonly checkouts = new Map<string, CheckoutSession>();
  readonly files = new Map<string, StoredFile>();
  settings: RuntimeSettings;

  constructor(private readonly options: ResolvedOptions) {
    this.settings = this.initialSettings();
    this.reset();
  }

  reset(): void {
    for (const collection of [
      this.users,
      this.sessions,
      this.transactions,
      this.codes,
      this.grants,
      this.accessTokens,
      this.refreshTokens,
      this.consents,
      this.checkouts,
      this.files,
    ]) {
      collection.clear();
    }
    this.settings = this.initialSettings();
    for (const account of DEMO_ACCOUNTS) this.createUser(account);
  }

  createUser(fields: { email: string; name: string; password: string; id?: string }): User {
    const now = Date.now();
    const user: User = {
      id: fields.id ?? randomId('usr'),
      email: fields.email,
      name: fields.name,
      password: fields.password,
      createdAt: now,
      updatedAt: now,
      maxBudgetMicros: dollarsToMicros(this.options.startingBudget),
      totalCostMicros: 0,
    };
    this.users.set(user.id, user);
    return user;
  }

  findUserByEmail(email: string): User | undefined {
    const wanted = email.trim().toLowerCase();
    for (const user of this.users.values()) {
      if (user.email.toLowerCase() === wanted) return user;
    }
    return undefined;
  }

  consentedScopes(userId: string, clientId: string): Set<string> {
    const key = `${userId} ${clientId}`;
    let scopes = this.consents.get(key);
    if (!scopes) {
      scopes = new Set();
      this.consents.set(key, scopes);
    }
    return scopes;
  }

  private initialSettings(): RuntimeSettings {
    return {
      paceMs: this.options.paceMs,
      accessTokenTtlSeconds: this.options.accessTokenTtlSeconds,
      modelsShape: this.options.modelsShape,
      replyOverride: null,
      contextLengthOverride: null,
      imageFormatOverride: null,
    };
  }
}
