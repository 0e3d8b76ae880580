/**
 * What goes wrong with a call to the provider, as a person reads it: the errors `lib/api` makes,
 * in the language in use when they happen (an answer's error is stored with its words). Apart
 * from the chat's own problems, so the popup and the background carry only these.
 */
import { defineMessages } from '../define';

export const apiErrorText = defineMessages(
  {
    balanceUsedUp: 'Your {name} balance is used up. Add credit to continue.',
    budgetUsedUp: 'Your {name} budget is used up. Add credit there to continue.',
    sessionEnded: 'Your {name} session has ended. Sign in again to continue.',
    tooManyRequests: '{name} is receiving too many requests. Wait a moment and try again.',
    tooManyRequestsFor: '{name} is receiving too many requests. Try again in {count} s.',
    modelUnavailable: 'That model is not available. Pick another one.',
    contextTooLong: 'This conversation is longer than the model can read. Retry sends less of it.',
    serverProblem: '{name} had a problem ({status}). Try again in a moment.',
    refused: '{name} refused the request ({status}).',
    unreachable: '{name} could not be reached. Check your connection and try again.',
    tooSlow: 'The server did not answer in time. Try again in a moment.',
    emptyAnswer: '{name} sent an empty answer.',
    answerTooLong: 'The answer passed {count} characters, so it was stopped there.',
    connectionLost: 'The connection was lost in the middle of the answer.',
    lineTooLong:
      'The server sent a line too long to be part of an answer, so the answer was stopped.',
    serverSilent: 'The answer stopped arriving. The server went silent.',
    answerTooSlow: {
      one: 'The answer was still arriving after {count} minute, so it was stopped.',
      other: 'The answer was still arriving after {count} minutes, so it was stopped.',
    },
    bodyTooLarge: 'The server sent far more than expected, so Passlight stopped reading it.',
    unreadableBalance: '{name} sent a balance Passlight could not read.',
    noCheckoutPage: '{name} did not send a checkout page to open.',
    speechDownloadLost: 'The connection was lost while the speech was downloading.',
    noAudio: '{name} sent no audio.',
    noSpeechModel: '{name} offers no text-to-speech model right now.',
  },
  {
    de: {
      balanceUsedUp:
        'Ihr Guthaben bei {name} ist aufgebraucht. Laden Sie es auf, um weiterzumachen.',
      budgetUsedUp:
        'Ihr Budget bei {name} ist aufgebraucht. Erhöhen Sie es dort, um weiterzumachen.',
      sessionEnded:
        'Ihre Sitzung bei {name} ist abgelaufen. Melden Sie sich erneut an, um weiterzumachen.',
      tooManyRequests:
        '{name} erhält gerade zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.',
      tooManyRequestsFor:
        '{name} erhält gerade zu viele Anfragen. Versuchen Sie es in {count} s erneut.',
      modelUnavailable: 'Dieses Modell ist nicht verfügbar. Wählen Sie ein anderes.',
      contextTooLong:
        'Dieses Gespräch ist länger, als das Modell lesen kann. „Erneut versuchen“ sendet weniger davon.',
      serverProblem: '{name} hatte ein Problem ({status}). Versuchen Sie es gleich noch einmal.',
      refused: '{name} hat die Anfrage abgelehnt ({status}).',
      unreachable:
        '{name} ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
      tooSlow: 'Der Server hat nicht rechtzeitig geantwortet. Versuchen Sie es gleich noch einmal.',
      emptyAnswer: '{name} hat eine leere Antwort geschickt.',
      answerTooLong:
        'Die Antwort hat {count} Zeichen überschritten und wurde deshalb dort angehalten.',
      connectionLost: 'Die Verbindung ist mitten in der Antwort abgebrochen.',
      lineTooLong:
        'Der Server hat eine Zeile geschickt, die für eine Antwort zu lang ist. Die Antwort wurde angehalten.',
      serverSilent: 'Die Antwort kommt nicht mehr an. Der Server schweigt.',
      answerTooSlow: {
        one: 'Die Antwort kam nach {count} Minute noch immer an und wurde deshalb angehalten.',
        other: 'Die Antwort kam nach {count} Minuten noch immer an und wurde deshalb angehalten.',
      },
      bodyTooLarge:
        'Der Server hat weit mehr als erwartet geschickt. Passlight hat aufgehört, es zu lesen.',
      unreadableBalance: '{name} hat ein Guthaben geschickt, das Passlight nicht lesen kann.',
      noCheckoutPage: '{name} hat keine Bezahlseite zum Öffnen geschickt.',
      speechDownloadLost: 'Die Verbindung ist beim Herunterladen der Sprachausgabe abgebrochen.',
      noAudio: '{name} hat keinen Ton geschickt.',
      noSpeechModel: '{name} bietet gerade kein Modell für Sprachausgabe an.',
    },
    ja: {
      balanceUsedUp: '{name} の残高がなくなりました。続けるにはクレジットを追加してください。',
      budgetUsedUp:
        '{name} の予算を使い切りました。続けるには {name} でクレジットを追加してください。',
      sessionEnded: '{name} のセッションが終了しました。続けるにはもう一度サインインしてください。',
      tooManyRequests:
        '{name} へのリクエストが集中しています。しばらく待ってからもう一度お試しください。',
      tooManyRequestsFor:
        '{name} へのリクエストが集中しています。{count} 秒後にもう一度お試しください。',
      modelUnavailable: 'そのモデルは利用できません。別のモデルを選んでください。',
      contextTooLong:
        'この会話はモデルが読める長さを超えています。「再試行」では送る量を減らします。',
      serverProblem:
        '{name} で問題が発生しました（{status}）。少ししてからもう一度お試しください。',
      refused: '{name} がリクエストを拒否しました（{status}）。',
      unreachable: '{name} に接続できません。接続を確認してもう一度お試しください。',
      tooSlow: 'サーバーが時間内に応答しませんでした。少し待ってからもう一度お試しください。',
      emptyAnswer: '{name} から空の回答が届きました。',
      answerTooLong: '回答が {count} 文字を超えたため、そこで停止しました。',
      connectionLost: '回答の途中で接続が切れました。',
      lineTooLong: 'サーバーから回答としては長すぎる行が届いたため、回答を停止しました。',
      serverSilent: '回答が届かなくなりました。サーバーからの応答がありません。',
      answerTooSlow: { other: '{count} 分たっても回答が終わらなかったため、停止しました。' },
      bodyTooLarge: 'サーバーから想定をはるかに超えるデータが届いたため、読み込みを中止しました。',
      unreadableBalance: '{name} から Passlight が読み取れない残高が届きました。',
      noCheckoutPage: '{name} から支払いページが届きませんでした。',
      speechDownloadLost: '音声のダウンロード中に接続が切れました。',
      noAudio: '{name} から音声が届きませんでした。',
      noSpeechModel: '{name} には現在、音声合成のモデルがありません。',
    },
  },
);
