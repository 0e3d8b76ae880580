/**
 * Reads a token request in one of the dialects the gateway is set to accept. AI Pass takes JSON
 * with camelCase fields; standard OAuth is form-encoded snake_case; Agnic is JSON snake_case.
 */
import type { FastifyRequest } from 'fastify';
import {
  TOKEN_DIALECTS,
  type TokenDialect,
  type TokenField,
} from '../../../lib/config/token-dialects';
import { isRecord } from '../http';
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

/** The gateway's own field keys, by their standard name in the extension's dialect table. */
const STANDARD_FIELD: Record<keyof TokenFields, TokenField> = {
  grantType: 'grant_type',
  code: 'code',
  codeVerifier: 'code_verifier',
  clientId: 'client_id',
  redirectUri: 'redirect_uri',
  refreshToken: 'refresh_token',
  scope: 'scope',
};

function fieldNamesOf(dialect: TokenDialect): FieldNames {
  const names: Record<string, string> = TOKEN_DIALECTS[dialect].fieldNames;
  return Object.fromEntries(
    Object.entries(STANDARD_FIELD).map(([field, standard]) => [field, names[standard]]),
  ) as FieldNames;
}

export interface TokenRequest {
  fields: TokenFields;
  /** A field's name as this dialect spells it, for error messages the client can act on. */
  names: FieldNames;
}

export function readTokenRequest(request: FastifyRequest, accepted: TokenDialect[]): TokenRequest {
  const dialect = dialectOf(request, accepted);
  const names = fieldNamesOf(dialect);
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
  if (contentType === TOKEN_DIALECTS.form.contentType && accepted.includes('form')) {
    return 'form';
  }
  if (contentType === 'application/json' && isRecord(request.body)) {
    const body = request.body;
    const json = accepted.filter((dialect) => TOKEN_DIALECTS[dialect].contentType === contentType);
    const spoken = json.find((dialect) => TOKEN_DIALECTS[dialect].fieldNames.grant_type in body);
    if (spoken) return spoken;
    if (accepted.includes('json-camel')) {
      throw oauthError(
        400,
        'invalid_request',
        'grantType is required (JSON token requests use camelCase fields).',
      );
    }
  }
  const expected = accepted
    .map((dialect) => (dialect === 'form' ? TOKEN_DIALECTS.form.contentType : `JSON (${dialect})`))
    .join(' or ');
  throw oauthError(400, 'invalid_request', `Send the token request as ${expected}.`);
}
