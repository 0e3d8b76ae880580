/**
 * The browser session on the sign-in pages: an opaque id in an httpOnly, SameSite=Lax cookie.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomSecret } from '../secrets';
import type { GatewayState, User } from '../state';

const SESSION_COOKIE = 'aipass_session';
const SESSION_LIFETIME_SECONDS = 7 * 24 * 60 * 60;

export function sessionUser(request: FastifyRequest, state: GatewayState): User | undefined {
  const sessionId = request.cookies[SESSION_COOKIE];
  if (!sessionId) return undefined;
  const session = state.sessions.get(sessionId);
  if (!session || session.expiresAt <= Date.now()) return undefined;
  return state.users.get(session.userId);
}

export function startSession(reply: FastifyReply, state: GatewayState, userId: string): void {
  const sessionId = randomSecret();
  state.sessions.set(sessionId, {
    userId,
    expiresAt: Date.now() + SESSION_LIFETIME_SECONDS * 1000,
  });
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    maxAge: SESSION_LIFETIME_SECONDS,
  });
}
