/**
 * The gateway's options, their defaults, and the built-in demo client and account.
 */
import type { TokenDialect } from '../../lib/config/token-dialects';
import { DEV_REDIRECT_URI, FIREFOX_REDIRECT_URI } from '../extension-identity';

/** Every scope the gateway knows, as AI Pass names them. */
export const SUPPORTED_SCOPES = ['api:access', 'profile:read'] as const;

/** A registered OAuth client: public (no secret), PKCE S256 always. */
export interface ClientRegistration {
  clientId: string;
  /** Compared byte for byte with the `redirect_uri` of a request. */
  redirectUris: string[];
  scopes: string[];
}

/**
 * How the token endpoint reads a request body, by the extension's names: AI Pass speaks
 * `json-camel`; `form` is standard OAuth; `json-snake` (Agnic's JSON) is off unless asked for.
 */
export type { TokenDialect };

/**
 * What `GET /models` lists: AI Pass's catalog as a JSON array of ids or an OpenAI list, or the
 * vendor catalog (`openai/gpt-4o-mini`) with OpenRouter's `architecture` data or as bare ids.
 */
export const MODELS_SHAPES = ['array', 'openai', 'openrouter', 'vendor-ids'] as const;
export type ModelsShape = (typeof MODELS_SHAPES)[number];

/**
 * Another authorization server (AI Stats, any OpenID Connect provider) whose access tokens the
 * model proxy and the account API accept as well, when its RFC 7662 introspection endpoint says
 * they are active and carry the required scope.
 */
export interface ExternalTokenOptions {
  introspectionEndpoint: string;
  /** The gateway's own credential at that server, sent as HTTP Basic (RFC 6749 section 2.3.1). */
  clientId: string;
  clientSecret: string;
  /** The scope a token needs for the API, default 'gateway:access' (AI Stats' name). */
  requiredScope?: string;
  /** How long a positive answer is trusted, default 5; 0 asks on every request. */
  cacheSeconds?: number;
}

export interface GatewayOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Delay between SSE chunks, default 0. */
  paceMs?: number;
  /** Default 3600. */
  accessTokenTtlSeconds?: number;
  /** Default 70 days. */
  refreshTokenTtlSeconds?: number;
  /** What `GET /oauth2/v1/models` answers, default 'array' (see ModelsShape). */
  modelsShape?: ModelsShape;
  /** Default false: when true, announce RFC 9207 in the metadata and add `iss` to redirects. */
  announceIss?: boolean;
  /** `maxBudget` in dollars of every new user, default 10. */
  startingBudget?: number;
  /** Default: [DEMO_CLIENT]. */
  clients?: ClientRegistration[];
  /** One line per request on the console (never a token), default false. */
  log?: boolean;
  /** Token request dialects accepted, default ['json-camel', 'form']. */
  tokenDialects?: TokenDialect[];
  /** How long a refresh takes, so that overlapping refreshes really overlap; default 150 ms. */
  refreshProcessingMs?: number;
  /** Default none: only the gateway's own tokens are accepted. */
  externalTokens?: ExternalTokenOptions;
  /** Default true: false leaves `revocation_endpoint` out of the metadata (RFC 7009 is optional). */
  announceRevocation?: boolean;
}

export const DEMO_CLIENT: ClientRegistration = {
  clientId: 'passlight-dev',
  // The dev build in Chromium, and any Firefox build (its redirect URI comes from the add-on ID).
  redirectUris: [DEV_REDIRECT_URI, FIREFOX_REDIRECT_URI],
  scopes: ['api:access', 'profile:read'],
};

export const DEMO_ACCOUNT = {
  id: 'usr_demo_ada_lovelace',
  email: 'ada@example.test',
  password: 'analytical-engine',
  name: 'Ada Lovelace',
} as const;

/** A second person, so tests can sign in as two people on one browser. */
export const SECOND_DEMO_ACCOUNT = {
  id: 'usr_demo_alan_turing',
  email: 'alan@example.test',
  password: 'universal-machine',
  name: 'Alan Turing',
} as const;

/** The accounts every gateway starts with; `id` is the stable `sub`, as a real account's is. */
export const DEMO_ACCOUNTS = [DEMO_ACCOUNT, SECOND_DEMO_ACCOUNT] as const;

export type ResolvedOptions = Required<Omit<GatewayOptions, 'externalTokens'>> & {
  externalTokens: Required<ExternalTokenOptions> | undefined;
};

const SECONDS_PER_DAY = 60 * 60 * 24;

export function resolveOptions(options: GatewayOptions = {}): ResolvedOptions {
  const clients = options.clients ?? [DEMO_CLIENT];
  for (const client of clients) {
    const unknown = client.scopes.filter((scope) => !isSupportedScope(scope));
    if (unknown.length > 0) {
      throw new Error(`Client ${client.clientId} asks for unknown scopes: ${unknown.join(' ')}`);
    }
  }
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    paceMs: options.paceMs ?? 0,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 70 * SECONDS_PER_DAY,
    modelsShape: options.modelsShape ?? 'array',
    announceIss: options.announceIss ?? false,
    startingBudget: options.startingBudget ?? 10,
    clients,
    log: options.log ?? false,
    tokenDialects: options.tokenDialects ?? ['json-camel', 'form'],
    refreshProcessingMs: options.refreshProcessingMs ?? 150,
    announceRevocation: options.announceRevocation ?? true,
    externalTokens: options.externalTokens && resolveExternalTokens(options.externalTokens),
  };
}

function resolveExternalTokens(options: ExternalTokenOptions): Required<ExternalTokenOptions> {
  if (!URL.canParse(options.introspectionEndpoint)) {
    throw new Error(
      `externalTokens.introspectionEndpoint is not a URL: ${options.introspectionEndpoint}`,
    );
  }
  const cacheSeconds = options.cacheSeconds ?? 5;
  if (!Number.isFinite(cacheSeconds) || cacheSeconds < 0) {
    throw new Error('externalTokens.cacheSeconds must be a non-negative number');
  }
  return {
    introspectionEndpoint: options.introspectionEndpoint,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    requiredScope: options.requiredScope ?? 'gateway:access',
    cacheSeconds,
  };
}

export function isSupportedScope(scope: string): boolean {
  return (SUPPORTED_SCOPES as readonly string[]).includes(scope);
}
