/**
 * Token-request dialects. oauth4webapi always builds a standard form-encoded body; providers
 * that want JSON get it re-encoded here, through the library's `customFetch` hook, so every
 * check the library makes on the response still applies.
 */

/** `form`: OAuth 2.1 / OIDC; `json-camel`: AI Pass; `json-snake`: Agnic. */
export type TokenDialect = 'form' | 'json-camel' | 'json-snake';

const CAMEL_CASE_FIELDS: Record<string, string> = {
  grant_type: 'grantType',
  code_verifier: 'codeVerifier',
  client_id: 'clientId',
  redirect_uri: 'redirectUri',
  refresh_token: 'refreshToken',
};

/** Re-encodes a form body as a JSON object in the given dialect. */
export function encodeTokenRequestBody(
  form: URLSearchParams,
  dialect: Exclude<TokenDialect, 'form'>,
): string {
  const body: Record<string, string> = {};
  for (const [name, value] of form) {
    body[dialect === 'json-camel' ? (CAMEL_CASE_FIELDS[name] ?? name) : name] = value;
  }
  return JSON.stringify(body);
}

/** A `fetch` for oauth4webapi's `customFetch` that speaks the dialect at the token endpoint. */
export function tokenEndpointFetch(dialect: TokenDialect): typeof fetch {
  return (input, init) => {
    if (dialect === 'form' || !(init?.body instanceof URLSearchParams)) return fetch(input, init);
    const headers = new Headers(init.headers);
    headers.set('content-type', 'application/json');
    return fetch(input, { ...init, headers, body: encodeTokenRequestBody(init.body, dialect) });
  };
}
