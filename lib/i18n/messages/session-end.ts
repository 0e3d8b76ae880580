/**
 * Why the last session ended, as the popup and the side panel show it until the next sign-in.
 * The background stores a key and its values, not words, so a reason already on screen is
 * redrawn in a newly chosen language. A small area of its own: the panel's first paint carries it.
 */
import type { MessageParams } from '../define';
import { defineMessages } from '../define';

export const sessionEndText = defineMessages(
  {
    signedOutByChoice: 'You signed out.',
    sessionExpired: 'Your {provider} session expired. Sign in again to continue.',
    sessionEndedElsewhere:
      '{provider} ended your session (it was signed out or revoked elsewhere). Sign in again to continue.',
    renewalRefused:
      '{provider} refused to renew your session ({error}). Sign in again to continue.',
  },
  {
    de: {
      signedOutByChoice: 'Sie haben sich abgemeldet.',
      sessionExpired:
        'Ihre Sitzung bei {provider} ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.',
      sessionEndedElsewhere:
        '{provider} hat Ihre Sitzung beendet (anderswo abgemeldet oder widerrufen). Melden Sie sich erneut an, um fortzufahren.',
      renewalRefused:
        '{provider} hat die Verlängerung Ihrer Sitzung abgelehnt ({error}). Melden Sie sich erneut an, um fortzufahren.',
    },
    ja: {
      signedOutByChoice: 'サインアウトしました。',
      sessionExpired:
        '{provider} のセッションの有効期限が切れました。続けるにはもう一度サインインしてください。',
      sessionEndedElsewhere:
        '{provider} がセッションを終了しました（別の場所でサインアウトまたは取り消されました）。続けるにはもう一度サインインしてください。',
      renewalRefused:
        '{provider} がセッションの更新を拒否しました ({error})。続けるにはもう一度サインインしてください。',
    },
  },
);

export type SessionEndKey = Parameters<typeof sessionEndText>[0];

/** Why a session ended, kept as a message key and its values until it is shown. */
export interface SessionEndReason {
  key: SessionEndKey;
  params?: MessageParams;
}

/** The reason in the current language (a component calling this redraws when it changes). */
export function sessionEndWords(reason: SessionEndReason): string {
  return sessionEndText(reason.key, reason.params);
}
