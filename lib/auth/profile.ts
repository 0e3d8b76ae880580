/** Who is signed in, from the provider's userinfo endpoint. */
import * as oauth from 'oauth4webapi';
import { oauthClient, type Provider, transportOptions } from './provider';
import type { AccountProfile } from './status';

export async function fetchProfile(
  as: oauth.AuthorizationServer,
  provider: Provider,
  accessToken: string,
): Promise<AccountProfile> {
  if (!as.userinfo_endpoint) return { sub: '', name: 'Signed in', email: '' };
  const client = oauthClient(provider);
  const response = await oauth.userInfoRequest(as, client, accessToken, transportOptions(provider));
  const info = await oauth.processUserInfoResponse(as, client, oauth.skipSubjectCheck, response);
  const email = typeof info.email === 'string' ? info.email : '';
  const name =
    typeof info.name === 'string' && info.name
      ? info.name
      : typeof info.preferred_username === 'string' && info.preferred_username
        ? info.preferred_username
        : email;
  return { sub: info.sub, name, email };
}
