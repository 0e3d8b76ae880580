/**
 * Speaking a question in the side panel, hearing answers, and the voice settings. Loaded with
 * the recording code; the few words the panel shows at first paint are in voice-buttons.ts.
 */
import { defineMessages } from '../define';

export const voiceText = defineMessages(
  {
    recording: 'Recording {seconds} s',
    level: 'Sound level',
    stopHint: 'Press the microphone or {shortcut} again to stop, Escape to cancel.',
    cancel: 'Cancel',
    dismiss: 'Dismiss',
    opening: 'Opening the microphone…',
    waitingForTab:
      'Allow the microphone in the Passlight tab that just opened; recording starts here once you do.',
    sending: 'Transcribing…',
    transcribedWith: 'Transcribed with {model}',
    transcribedCost: 'Transcribed with {model} · cost {cost}',
    cutAtLimit:
      'The recording reached the {limit} MB limit, so it stopped there; what came before was transcribed.',
    denied:
      'Passlight may not use the microphone. Allow it for Passlight in the browser’s site settings, then try again.',
    noMicrophone: 'No microphone was found. Connect one and try again.',
    microphoneBusy: 'The microphone is in use by another program or could not be started.',
    microphoneError: 'The microphone could not be started. Try again.',
    noModel: 'This gateway offers no transcription model, so a spoken question cannot become text.',
    silence:
      'Nothing was heard: the recording was silent. Check that the right microphone is on, then speak again.',
    nothingHeard:
      'No words were recognized in the recording. Try again a little closer to the microphone.',
    tooLarge:
      'The recording is {size} MB, over the {limit} MB the transcription model accepts, so it was not sent. Record a shorter question.',
    transcriptionFailed: 'The transcription failed: {reason}',
    transcriptionFailedPlain: 'The transcription failed. Try again.',
    timeout: 'The transcription took too long. Try a shorter recording.',
    noTranscript: '{service} sent no transcription.',
    unreadable: '{service} sent a transcription Passlight cannot read.',
    modelLabel: 'Transcription model',
    tabTitle: 'Microphone for Passlight',
    tabAsking:
      'Passlight asks to use your microphone for spoken questions in the side panel. Answer the browser’s question.',
    tabAllowed:
      'Microphone allowed. Recording goes on in the side panel; this tab closes by itself.',
    tabDenied:
      'The microphone was not allowed. To speak questions, allow it for Passlight in the browser’s settings.',
    settingsTitle: 'Speak and listen',
    settingsIntro: 'Speak questions in the side panel and hear the answers.',
    sendWhenTranscribed: 'Send when transcribed',
    sendWhenTranscribedHint:
      'A spoken question is sent as soon as it is text, instead of waiting in the box for you to edit.',
    autoRead: 'Read each answer aloud when it finishes',
    autoReadHint: 'Hands-free: speak, hear the answer, speak again.',
  },
  {
    de: {
      recording: 'Aufnahme {seconds} s',
      level: 'Lautstärke',
      stopHint: 'Zum Beenden erneut auf das Mikrofon oder {shortcut} drücken, Escape bricht ab.',
      cancel: 'Abbrechen',
      dismiss: 'Schließen',
      opening: 'Mikrofon wird geöffnet …',
      waitingForTab:
        'Erlauben Sie das Mikrofon im soeben geöffneten Passlight-Tab; danach beginnt die Aufnahme hier.',
      sending: 'Wird transkribiert …',
      transcribedWith: 'Transkribiert mit {model}',
      transcribedCost: 'Transkribiert mit {model} · Kosten {cost}',
      cutAtLimit:
        'Die Aufnahme hat die Grenze von {limit} MB erreicht und endete dort; das Aufgenommene wurde transkribiert.',
      denied:
        'Passlight darf das Mikrofon nicht verwenden. Erlauben Sie es für Passlight in den Website-Einstellungen des Browsers und versuchen Sie es erneut.',
      noMicrophone: 'Kein Mikrofon gefunden. Schließen Sie eines an und versuchen Sie es erneut.',
      microphoneBusy:
        'Das Mikrofon wird von einem anderen Programm verwendet oder ließ sich nicht starten.',
      microphoneError: 'Das Mikrofon ließ sich nicht starten. Bitte erneut versuchen.',
      noModel:
        'Dieses Gateway bietet kein Transkriptionsmodell an, daher kann eine gesprochene Frage nicht zu Text werden.',
      silence:
        'Es war nichts zu hören: Die Aufnahme war still. Prüfen Sie, ob das richtige Mikrofon eingeschaltet ist, und sprechen Sie erneut.',
      nothingHeard:
        'In der Aufnahme wurden keine Wörter erkannt. Versuchen Sie es etwas näher am Mikrofon.',
      tooLarge:
        'Die Aufnahme ist {size} MB groß, mehr als die {limit} MB, die das Transkriptionsmodell annimmt, und wurde daher nicht gesendet. Nehmen Sie eine kürzere Frage auf.',
      transcriptionFailed: 'Die Transkription ist fehlgeschlagen: {reason}',
      transcriptionFailedPlain: 'Die Transkription ist fehlgeschlagen. Bitte erneut versuchen.',
      timeout: 'Die Transkription dauerte zu lange. Versuchen Sie eine kürzere Aufnahme.',
      noTranscript: '{service} hat keine Transkription gesendet.',
      unreadable: '{service} hat eine Transkription gesendet, die Passlight nicht lesen kann.',
      modelLabel: 'Transkriptionsmodell',
      tabTitle: 'Mikrofon für Passlight',
      tabAsking:
        'Passlight möchte Ihr Mikrofon für gesprochene Fragen in der Seitenleiste verwenden. Beantworten Sie die Frage des Browsers.',
      tabAllowed:
        'Mikrofon erlaubt. Die Aufnahme läuft in der Seitenleiste weiter; dieser Tab schließt sich von selbst.',
      tabDenied:
        'Das Mikrofon wurde nicht erlaubt. Um Fragen zu sprechen, erlauben Sie es für Passlight in den Browser-Einstellungen.',
      settingsTitle: 'Sprechen und hören',
      settingsIntro: 'Fragen in der Seitenleiste sprechen und die Antworten hören.',
      sendWhenTranscribed: 'Nach dem Transkribieren senden',
      sendWhenTranscribedHint:
        'Eine gesprochene Frage wird gesendet, sobald sie Text ist, statt im Eingabefeld auf Ihre Bearbeitung zu warten.',
      autoRead: 'Jede Antwort vorlesen, sobald sie fertig ist',
      autoReadHint: 'Freihändig: sprechen, die Antwort hören, wieder sprechen.',
    },
    ja: {
      recording: '録音中 {seconds} 秒',
      level: '音量',
      stopHint: 'もう一度マイクか {shortcut} を押すと止まります。Escape で取り消します。',
      cancel: 'キャンセル',
      dismiss: '閉じる',
      opening: 'マイクを準備しています…',
      waitingForTab:
        '開いた Passlight のタブでマイクを許可してください。許可すると、ここで録音が始まります。',
      sending: '文字に起こしています…',
      transcribedWith: '{model} で文字起こし',
      transcribedCost: '{model} で文字起こし · 料金 {cost}',
      cutAtLimit:
        '録音が上限の {limit} MB に達したため、そこで止まりました。それまでの内容を文字に起こしました。',
      denied:
        'Passlight はマイクを使えません。ブラウザのサイト設定で Passlight にマイクを許可してから、もう一度お試しください。',
      noMicrophone: 'マイクが見つかりません。マイクをつないで、もう一度お試しください。',
      microphoneBusy: 'マイクがほかのプログラムで使われているか、起動できませんでした。',
      microphoneError: 'マイクを起動できませんでした。もう一度お試しください。',
      noModel: 'このゲートウェイには文字起こしのモデルがないため、話した質問を文字にできません。',
      silence:
        '何も聞こえませんでした。録音は無音でした。正しいマイクがオンになっているか確かめて、もう一度話してください。',
      nothingHeard:
        '録音から言葉を認識できませんでした。マイクに少し近づいて、もう一度お試しください。',
      tooLarge:
        '録音は {size} MB で、文字起こしのモデルが受け付ける {limit} MB を超えるため、送信しませんでした。短めに録音してください。',
      transcriptionFailed: '文字起こしに失敗しました：{reason}',
      transcriptionFailedPlain: '文字起こしに失敗しました。もう一度お試しください。',
      timeout: '文字起こしに時間がかかりすぎました。短めの録音でお試しください。',
      noTranscript: '{service} から文字起こしが届きませんでした。',
      unreadable: '{service} から届いた文字起こしを Passlight は読めません。',
      modelLabel: '文字起こしのモデル',
      tabTitle: 'Passlight のマイク',
      tabAsking:
        'サイドパネルで質問を話すために、Passlight がマイクの使用を求めています。ブラウザの確認に答えてください。',
      tabAllowed: 'マイクを許可しました。録音はサイドパネルで続きます。このタブは自動で閉じます。',
      tabDenied:
        'マイクは許可されませんでした。質問を話すには、ブラウザの設定で Passlight にマイクを許可してください。',
      settingsTitle: '話す・聞く',
      settingsIntro: 'サイドパネルで質問を話し、答えを聞きます。',
      sendWhenTranscribed: '文字起こしが終わったら送信',
      sendWhenTranscribedHint:
        '話した質問は、入力欄で編集を待たずに、文字になった時点で送信されます。',
      autoRead: '答えが終わるたびに読み上げる',
      autoReadHint: 'ハンズフリー：話して、答えを聞いて、また話す。',
    },
  },
);
