/**
 * What signing in, staying signed in and signing out say. Written by the background in the
 * language it follows, which is the one the pages show.
 */
import { defineMessages } from '../define';

export const authText = defineMessages(
  {
    somethingWrong: 'Something went wrong while talking to the server. Try again in a moment.',
    onlyOwnPages: 'Only Passlight’s own pages may ask for this.',
    noClientId:
      'Passlight has no OAuth Client ID for {provider} yet. Set one in Settings, then sign in.',
    signInToContinue: 'Sign in to continue.',
    unnamedAccount: 'Signed in',
    noSignInPage: 'The server does not offer an OAuth sign-in page.',
    cancelled: 'Sign-in was cancelled.',
    pageNotLoaded:
      'The sign-in page could not be loaded. Check your connection and the provider in Settings.',
    windowNoAnswer: 'The sign-in window ended without an answer. Try again.',
    accessDenied: 'You chose not to give Passlight access. Nothing was changed.',
    serverRefused: 'The server refused the sign-in ({error}).',
    answerMismatch: 'The sign-in answer did not match this attempt, so it was refused. Try again.',
    replaced: 'This sign-in attempt was replaced by another one.',
    signedOutMeanwhile: 'You signed out before the sign-in finished.',
    codeRefused: 'The server refused the sign-in code ({error}). Try again.',
    answerFailedChecks:
      'The server’s answer to the sign-in failed Passlight’s checks, so it was refused. Try again.',
    unreachableToFinish: 'The server could not be reached to finish signing in.',
    providerUnreachable: '{provider} could not be reached. Try again in a moment.',
    renewalFailed: '{provider} could not renew your session just now. Try again in a moment.',
    noUserInfo:
      '{provider} did not say who signed in (its user info could not be read). Try again.',
    hostUnreachable: '{host} could not be reached.',
    invalidMetadata: '{host} did not send valid OAuth metadata ({problem}).',
    noAuthorizationEndpoint: '{host} announces no sign-in page.',
    noTokenEndpoint: '{host} announces no token endpoint.',
    noPkce: '{host} does not support PKCE with S256, which Passlight requires.',
    metadataUnreadable: 'unreadable',
    metadataNotJson: 'not JSON',
    metadataOtherIssuer: 'it names another issuer',
    metadataNoIssuer: 'no issuer, or not a JSON object',
  },
  {
    de: {
      somethingWrong:
        'Bei der Verbindung mit dem Server ist etwas schiefgegangen. Versuchen Sie es gleich noch einmal.',
      onlyOwnPages: 'Nur die eigenen Seiten von Passlight dürfen das anfragen.',
      noClientId:
        'Passlight hat noch keine OAuth-Client-ID für {provider}. Legen Sie eine in den Einstellungen fest und melden Sie sich dann an.',
      signInToContinue: 'Melden Sie sich an, um fortzufahren.',
      unnamedAccount: 'Angemeldet',
      noSignInPage: 'Der Server bietet keine OAuth-Anmeldeseite an.',
      cancelled: 'Die Anmeldung wurde abgebrochen.',
      pageNotLoaded:
        'Die Anmeldeseite konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und den Anbieter in den Einstellungen.',
      windowNoAnswer: 'Das Anmeldefenster wurde ohne Antwort geschlossen. Versuchen Sie es erneut.',
      accessDenied: 'Sie haben Passlight keinen Zugriff gewährt. Es wurde nichts geändert.',
      serverRefused: 'Der Server hat die Anmeldung abgelehnt ({error}).',
      answerMismatch:
        'Die Antwort auf die Anmeldung passte nicht zu diesem Versuch und wurde deshalb abgelehnt. Versuchen Sie es erneut.',
      replaced: 'Dieser Anmeldeversuch wurde durch einen anderen ersetzt.',
      signedOutMeanwhile: 'Sie haben sich abgemeldet, bevor die Anmeldung abgeschlossen war.',
      codeRefused: 'Der Server hat den Anmeldecode abgelehnt ({error}). Versuchen Sie es erneut.',
      answerFailedChecks:
        'Die Antwort des Servers hat die Prüfungen von Passlight nicht bestanden und wurde abgelehnt. Versuchen Sie es erneut.',
      unreachableToFinish: 'Der Server war nicht erreichbar, um die Anmeldung abzuschließen.',
      providerUnreachable: '{provider} ist nicht erreichbar. Versuchen Sie es gleich noch einmal.',
      renewalFailed:
        '{provider} konnte Ihre Sitzung gerade nicht verlängern. Versuchen Sie es gleich noch einmal.',
      noUserInfo:
        '{provider} hat nicht mitgeteilt, wer sich angemeldet hat (die Benutzerinfo war nicht lesbar). Versuchen Sie es erneut.',
      hostUnreachable: '{host} ist nicht erreichbar.',
      invalidMetadata: '{host} hat keine gültigen OAuth-Metadaten gesendet ({problem}).',
      noAuthorizationEndpoint: '{host} nennt keine Anmeldeseite.',
      noTokenEndpoint: '{host} nennt keinen Token-Endpunkt.',
      noPkce: '{host} unterstützt kein PKCE mit S256, das Passlight voraussetzt.',
      metadataUnreadable: 'nicht lesbar',
      metadataNotJson: 'kein JSON',
      metadataOtherIssuer: 'sie nennen einen anderen Aussteller',
      metadataNoIssuer: 'kein Aussteller oder kein JSON-Objekt',
    },
    ja: {
      somethingWrong:
        'サーバーとの通信中に問題が発生しました。しばらくしてからもう一度お試しください。',
      onlyOwnPages: 'この要求は Passlight 自身のページからのみ受け付けます。',
      noClientId:
        '{provider} の OAuth クライアント ID がまだ設定されていません。設定で指定してからサインインしてください。',
      signInToContinue: '続けるにはサインインしてください。',
      unnamedAccount: 'サインイン中',
      noSignInPage: 'このサーバーには OAuth のサインインページがありません。',
      cancelled: 'サインインはキャンセルされました。',
      pageNotLoaded:
        'サインインページを読み込めませんでした。接続と、設定のプロバイダを確認してください。',
      windowNoAnswer: 'サインイン画面が応答なしで閉じられました。もう一度お試しください。',
      accessDenied: 'Passlight へのアクセスを許可しませんでした。何も変更されていません。',
      serverRefused: 'サーバーがサインインを拒否しました ({error})。',
      answerMismatch:
        'サインインの応答がこの試行と一致しなかったため、拒否しました。もう一度お試しください。',
      replaced: 'このサインインは別のサインインに置き換えられました。',
      signedOutMeanwhile: 'サインインが完了する前にサインアウトしました。',
      codeRefused: 'サーバーがサインインコードを拒否しました ({error})。もう一度お試しください。',
      answerFailedChecks:
        'サインインに対するサーバーの応答が Passlight の検証に通らなかったため、拒否しました。もう一度お試しください。',
      unreachableToFinish: 'サインインを完了するためにサーバーに接続できませんでした。',
      providerUnreachable:
        '{provider} に接続できませんでした。しばらくしてからもう一度お試しください。',
      renewalFailed:
        '{provider} は現在セッションを更新できません。しばらくしてからもう一度お試しください。',
      noUserInfo:
        '{provider} からサインインしたユーザーの情報を取得できませんでした。もう一度お試しください。',
      hostUnreachable: '{host} に接続できませんでした。',
      invalidMetadata: '{host} から有効な OAuth メタデータが届きませんでした ({problem})。',
      noAuthorizationEndpoint: '{host} はサインインページを公開していません。',
      noTokenEndpoint: '{host} はトークンエンドポイントを公開していません。',
      noPkce: '{host} は Passlight に必要な PKCE (S256) に対応していません。',
      metadataUnreadable: '読み取れません',
      metadataNotJson: 'JSON ではありません',
      metadataOtherIssuer: '別の発行者を名乗っています',
      metadataNoIssuer: '発行者がないか、JSON オブジェクトではありません',
    },
  },
);
