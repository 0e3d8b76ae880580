/** Errors of sign-in and token requests, and the result shape pages receive. */
import { authText } from '../i18n/messages/auth';
import type { AuthErrorCode } from './types';

export type { AuthErrorCode, AuthResult } from './types';

export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function failure(error: unknown): { ok: false; code: AuthErrorCode; message: string } {
  if (error instanceof AuthError) return { ok: false, code: error.code, message: error.message };
  return {
    ok: false,
    code: 'temporarily-unavailable',
    message: authText('somethingWrong'),
  };
}
