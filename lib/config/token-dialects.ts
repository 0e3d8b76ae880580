/**
 * Token-request dialects, in one table read by the encoder (lib/auth/token-dialect.ts), the
 * options page and the local gateway: each dialect's value, labels, content type and field names.
 */

/** A token-request field by its standard (RFC 6749, form) name. */
export type TokenField =
  | 'grant_type'
  | 'code'
  | 'code_verifier'
  | 'client_id'
  | 'redirect_uri'
  | 'refresh_token'
  | 'scope';

export const TOKEN_FIELDS: readonly TokenField[] = [
  'grant_type',
  'code',
  'code_verifier',
  'client_id',
  'redirect_uri',
  'refresh_token',
  'scope',
];

export interface TokenDialectInfo {
  /** As the options page offers it, and, short, as a saved provider's details show it. */
  labelKey: 'dialectForm' | 'dialectJsonSnake' | 'dialectJsonCamel';
  /** The body's content type. */
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  /** Each field's name in the body. */
  fieldNames: Record<TokenField, string>;
}

const STANDARD_NAMES = Object.fromEntries(TOKEN_FIELDS.map((field) => [field, field])) as Record<
  TokenField,
  string
>;

/** `form`: OAuth 2.1 / OIDC; `json-snake`: Agnic; `json-camel`: AI Pass. In the options page's order. */
export const TOKEN_DIALECTS = {
  form: {
    labelKey: 'dialectForm',
    contentType: 'application/x-www-form-urlencoded',
    fieldNames: STANDARD_NAMES,
  },
  'json-snake': {
    labelKey: 'dialectJsonSnake',
    contentType: 'application/json',
    fieldNames: STANDARD_NAMES,
  },
  'json-camel': {
    labelKey: 'dialectJsonCamel',
    contentType: 'application/json',
    fieldNames: {
      grant_type: 'grantType',
      code: 'code',
      code_verifier: 'codeVerifier',
      client_id: 'clientId',
      redirect_uri: 'redirectUri',
      refresh_token: 'refreshToken',
      scope: 'scope',
    },
  },
} as const satisfies Record<string, TokenDialectInfo>;

export type TokenDialect = keyof typeof TOKEN_DIALECTS;

export const TOKEN_DIALECT_NAMES = Object.keys(TOKEN_DIALECTS) as TokenDialect[];

export function isTokenDialect(value: unknown): value is TokenDialect {
  return typeof value === 'string' && Object.hasOwn(TOKEN_DIALECTS, value);
}
