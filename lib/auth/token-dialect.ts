/**
 * Token requests in the provider's dialect (see lib/config/token-dialects.ts). oauth4webapi
 * always builds a standard form-encoded body; providers that want JSON get it re-encoded here,
 * through the library's `customFetch` hook, so every check the library makes on the response
 * still applies.
 */
import { TOKEN_DIALECTS, type TokenDialect } from '../config/token-dialects';

/** Re-encodes a form body as a JSON object in the given dialect. */
export function encodeTokenRequestBody(
  form: URLSearchParams,
  dialect: Exclude<TokenDialect, 'form'>,
): string {
  const names: Record<string, string> = TOKEN_DIALECTS[dialect].fieldNames;
  const body: Record<string, string> = {};
  for (const [name, value] of form) body[names[name] ?? name] = value;
  return JSON.stringify(body);
}

/** A `fetch` for oauth4webapi's `customFetch` that speaks the dialect at the token endpoint. */
export function tokenEndpointFetch(dialect: TokenDialect): typeof fetch {
  return (input, init) => {
    if (dialect === 'form' || !(init?.body instanceof URLSearchParams)) return fetch(input, init);
    const headers = new Headers(init.headers);
    headers.set('content-type', TOKEN_DIALECTS[dialect].contentType);
    return fetch(input, { ...init, headers, body: encodeTokenRequestBody(init.body, dialect) });
  };
}
