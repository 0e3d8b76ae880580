/** Who is signed in, from the provider's userinfo endpoint (or, without one, the ID token). */
import * as oauth from 'oauth4webapi';
import { authText } from '../i18n/messages/auth';
import { AuthError } from './errors';
import { oauthClient, type Provider, transportOptions } from './provider';
import type { AccountProfile } from './status';

/** `idTokenSubject`: the validated ID token's `sub`; userinfo must then be about that account. */
export async function fetchProfile(
  as: oauth.AuthorizationServer,
  provider: Provider,
  accessToken: string,
  idTokenSubject?: string,
): Promise<AccountProfile> {
  if (!as.userinfo_endpoint)
    return { sub: idTokenSubject ?? '', name: authText('unnamedAccount'), email: '' };
  const client = oauthClient(provider);
  let info: oauth.UserInfoResponse;
  try {
    const response = await oauth.userInfoRequest(as, client, accessToken, {
      signal: AbortSignal.timeout(10_000),
      ...transportOptions(provider),
    });
    info = await oauth.processUserInfoResponse(
      as,
      client,
      idTokenSubject ?? oauth.skipSubjectCheck,
      response,
    );
  } catch (cause) {
    throw new AuthError('invalid-response', authText('noUserInfo', { provider: provider.name }), {
      cause,
    });
  }
  const email = typeof info.email === 'string' ? info.email : '';
  const name =
    typeof info.name === 'string' && info.name
      ? info.name
      : typeof info.preferred_username === 'string' && info.preferred_username
        ? info.preferred_username
        : email;
  return { sub: info.sub, name, email };
}
