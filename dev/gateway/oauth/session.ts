/**
 * The browser session on the sign-in pages: an opaque id in an httpOnly, SameSite=Lax cookie.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomSecret } from '../secrets';
import type { GatewayState, User } from '../state';

const SESSION_COOKIE = 'aipass_session';
const SESSION_LIFETIME_SECONDS = 7 * 24 * 60 * 60;

/** The person the browser session vouches for, if any. */
export function sessionUser(request: FastifyRequest, state: GatewayState): User | undefined {
  const session = state.sessions.get(request.cookies[SESSION_COOKIE] ?? '');
  if (!session || session.expiresAt <= Date.now() || session.loginRequired) return undefined;
  return state.users.get(session.userId);
}

/**
 * `prompt=login`: the client wants the person to prove who they are, so the browser session
 * stops vouching for anyone. Until a new sign-in, a silent request (`prompt=none`) gets
 * `login_required`, as from an OpenID provider whose session was ended.
 */
export function requireLoginAgain(request: FastifyRequest, state: GatewayState): void {
  const session = state.sessions.get(request.cookies[SESSION_COOKIE] ?? '');
  if (session) session.loginRequired = true;
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
