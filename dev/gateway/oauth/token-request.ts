/**
 * Reads a token request in one of the dialects the gateway is set to accept. AI Pass takes JSON
 * with camelCase fields; standard OAuth is form-encoded snake_case; Agnic is JSON snake_case.
 */
import type { FastifyRequest } from 'fastify';
import { isRecord } from '../http';
import type { TokenDialect } from '../options';
import { oauthError } from './errors';

export interface TokenFields {
  grantType?: string;
  code?: string;
  codeVerifier?: string;
  clientId?: string;
  redirectUri?: string;
  refreshToken?: string;
  scope?: string;
}

type FieldNames = Record<keyof TokenFields, string>;

const CAMEL_CASE: FieldNames = {
  grantType: 'grantType',
  code: 'code',
  codeVerifier: 'codeVerifier',
  clientId: 'clientId',
  redirectUri: 'redirectUri',
  refreshToken: 'refreshToken',
  scope: 'scope',
};

const SNAKE_CASE: FieldNames = {
  grantType: 'grant_type',
  code: 'code',
  codeVerifier: 'code_verifier',
  clientId: 'client_id',
  redirectUri: 'redirect_uri',
  refreshToken: 'refresh_token',
  scope: 'scope',
};

export interface TokenRequest {
  fields: TokenFields;
  /** A field's name as this dialect spells it, for error messages the client can act on. */
  names: FieldNames;
}

export function readTokenRequest(request: FastifyRequest, accepted: TokenDialect[]): TokenRequest {
  const dialect = dialectOf(request, accepted);
  const names = dialect === 'camel-json' ? CAMEL_CASE : SNAKE_CASE;
  const body = isRecord(request.body) ? request.body : {};
  const fields: TokenFields = {};
  for (const [field, name] of Object.entries(names) as [keyof TokenFields, string][]) {
    const value = body[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      // Covers repeated form fields too, which arrive as arrays (RFC 6749 forbids repeats).
      throw oauthError(400, 'invalid_request', `${name} must be a single string.`);
    }
    fields[field] = value;
  }
  return { fields, names };
}

function dialectOf(request: FastifyRequest, accepted: TokenDialect[]): TokenDialect {
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType === 'application/x-www-form-urlencoded' && accepted.includes('form')) {
    return 'form';
  }
  if (contentType === 'application/json' && isRecord(request.body)) {
    const body = request.body;
    if ('grantType' in body && accepted.includes('camel-json')) return 'camel-json';
    if ('grant_type' in body && accepted.includes('snake-json')) return 'snake-json';
    if (accepted.includes('camel-json')) {
      throw oauthError(
        400,
        'invalid_request',
        'grantType is required (JSON token requests use camelCase fields).',
      );
    }
  }
  const expected = accepted
    .map((dialect) =>
      dialect === 'form' ? 'application/x-www-form-urlencoded' : `JSON (${dialect})`,
    )
    .join(' or ');
  throw oauthError(400, 'invalid_request', `Send the token request as ${expected}.`);
}
