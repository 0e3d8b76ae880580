import type { IssuerFacts } from '../../lib/config/new-provider';
import { providersText as t } from '../../lib/i18n/messages/providers';

/** What the issuer's metadata says, for the person to confirm before adding it. */
export function IssuerSummary({ facts }: { facts: IssuerFacts }) {
  const rows: Array<[string, string]> = [
    [t('issuer'), facts.issuer],
    [
      t('metadata'),
      facts.discovery === 'oidc' ? 'OpenID Connect Discovery' : 'OAuth 2.0 (RFC 8414)',
    ],
    [t('signInPage'), facts.authorizationEndpoint],
    [t('tokenEndpoint'), facts.tokenEndpoint],
    [t('revocation'), facts.revocationEndpoint ?? t('noRevocation')],
    [t('userInfo'), facts.userinfoEndpoint ?? t('none')],
    [t('issInResponses'), facts.announcesIss ? t('issChecked') : t('no')],
    [t('scopesOffered'), facts.scopesSupported.join(' ') || t('notListed')],
  ];
  return (
    <dl class="issuer-summary" aria-label={t('summaryLabel')}>
      {rows.map(([term, detail]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
