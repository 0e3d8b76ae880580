import type { IssuerFacts } from '../../lib/config/new-provider';

/** What the issuer's metadata says, for the person to confirm before adding it. */
export function IssuerSummary({ facts }: { facts: IssuerFacts }) {
  const rows: Array<[string, string]> = [
    ['Issuer', facts.issuer],
    ['Metadata', facts.discovery === 'oidc' ? 'OpenID Connect Discovery' : 'OAuth 2.0 (RFC 8414)'],
    ['Sign-in page', facts.authorizationEndpoint],
    ['Token endpoint', facts.tokenEndpoint],
    ['Revocation', facts.revocationEndpoint ?? 'None: tokens expire on their own'],
    ['User info', facts.userinfoEndpoint ?? 'None'],
    ['Issuer in responses', facts.announcesIss ? 'Yes (checked on every sign-in)' : 'No'],
    ['Scopes offered', facts.scopesSupported.join(' ') || 'Not listed'],
  ];
  return (
    <dl class="issuer-summary" aria-label="What the server says about itself">
      {rows.map(([term, detail]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
