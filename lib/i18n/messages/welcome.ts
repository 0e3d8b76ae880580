/** The page a new install opens: three steps and a paragraph to try them on. */
import { defineMessages } from '../define';

export const welcomeText = defineMessages(
  {
    settings: 'Settings',
    title: 'Welcome to Passlight',
    lead: 'AI for whatever you are reading, billed to your own AI Pass account.',
    signInTitle: 'Sign in with AI Pass',
    signInText:
      'Click the Passlight button in the toolbar and choose “Sign in with AI Pass”. You pay from your own AI Pass balance; there is no API key to paste.',
    explainTitle: 'Explain a selection',
    explainText:
      'Select a sentence on any page, right-click it and choose Explain. The answer streams into the side panel.',
    describeTitle: 'Describe an image, or hear a text',
    describeText:
      'Right-click an image and choose Describe image, or select text and choose Read aloud.',
    tryTitle: 'Try it here',
    tryText:
      'Light travels about 299,792 kilometres per second, so sunlight reaching Earth left the Sun a little over eight minutes earlier. Select this paragraph and right-click it.',
  },
  {
    de: {
      settings: 'Einstellungen',
      title: 'Willkommen bei Passlight',
      lead: 'KI für alles, was Sie gerade lesen – abgerechnet über Ihr eigenes AI-Pass-Konto.',
      signInTitle: 'Mit AI Pass anmelden',
      signInText:
        'Klicken Sie in der Symbolleiste auf die Passlight-Schaltfläche und wählen Sie „Mit AI Pass anmelden“. Sie bezahlen von Ihrem eigenen AI-Pass-Guthaben; einen API-Schlüssel brauchen Sie nicht.',
      explainTitle: 'Markierten Text erklären',
      explainText:
        'Markieren Sie auf einer beliebigen Seite einen Satz, klicken Sie mit der rechten Maustaste darauf und wählen Sie „Erklären“. Die Antwort erscheint nach und nach in der Seitenleiste.',
      describeTitle: 'Bilder beschreiben, Texte anhören',
      describeText:
        'Klicken Sie mit der rechten Maustaste auf ein Bild und wählen Sie „Bild beschreiben“ – oder markieren Sie Text und wählen Sie „Vorlesen“.',
      tryTitle: 'Hier ausprobieren',
      tryText:
        'Licht legt rund 299.792 Kilometer pro Sekunde zurück. Das Sonnenlicht, das die Erde erreicht, hat die Sonne also vor gut acht Minuten verlassen. Markieren Sie diesen Absatz und klicken Sie mit der rechten Maustaste darauf.',
    },
    ja: {
      settings: '設定',
      title: 'Passlight へようこそ',
      lead: '読んでいるものに AI を。料金はご自身の AI Pass アカウントに請求されます。',
      signInTitle: 'AI Pass でサインイン',
      signInText:
        'ツールバーの Passlight ボタンをクリックし、「AI Pass でサインイン」を選びます。料金はご自身の AI Pass の残高から支払われ、API キーを貼り付ける必要はありません。',
      explainTitle: '選択したテキストを説明',
      explainText:
        'どのページでも文を選択して右クリックし、「説明する」を選びます。回答はサイドパネルに順次表示されます。',
      describeTitle: '画像の説明、テキストの読み上げ',
      describeText:
        '画像を右クリックして「画像を説明する」を選ぶか、テキストを選択して「読み上げる」を選びます。',
      tryTitle: 'ここで試す',
      tryText:
        '光は毎秒約 299,792 キロメートル進みます。つまり、地球に届く太陽の光は 8 分あまり前に太陽を出発したものです。この段落を選択して右クリックしてみてください。',
    },
  },
);
