/**
 * How the options page names a stored setting it had to set back to its default. The English
 * name is also the key: it is what the note in storage says, so notes written before a language
 * was picked (or by an older version) still read in the language in use.
 */
import { defineMessages } from '../define';

export const settingNamesText = defineMessages(
  {
    'the theme': 'the theme',
    'the language': 'the language',
    'the answer lengths': 'the answer lengths',
    'the AI Pass server URL': 'the AI Pass server URL',
    'the AI Pass Client ID': 'the AI Pass Client ID',
    'Stay signed in': 'Stay signed in',
    'the read-aloud voice': 'the read-aloud voice',
    'the read-aloud speed': 'the read-aloud speed',
    'the chat model you picked': 'the chat model you picked',
    'the conversation open last': 'the conversation open last',
    'the providers you added': 'the providers you added',
    'the provider in use': 'the provider in use',
    'whether you were signed in': 'whether you were signed in',
    'the models you hid or corrected': 'the models you hid or corrected',
    'the image model you picked': 'the image model you picked',
    'the image editing model you picked': 'the image editing model you picked',
    'Send when transcribed': 'Send when transcribed',
    'Read each answer aloud when it finishes': 'Read each answer aloud when it finishes',
    'the transcription model you picked': 'the transcription model you picked',
  },
  {
    de: {
      'the theme': 'die Darstellung',
      'the language': 'die Sprache',
      'the answer lengths': 'die Antwortlängen',
      'the AI Pass server URL': 'die Server-URL von AI Pass',
      'the AI Pass Client ID': 'die Client-ID für AI Pass',
      'Stay signed in': '„Angemeldet bleiben“',
      'the read-aloud voice': 'die Vorlesestimme',
      'the read-aloud speed': 'das Vorlesetempo',
      'the chat model you picked': 'das gewählte Chat-Modell',
      'the conversation open last': 'die zuletzt geöffnete Unterhaltung',
      'the providers you added': 'die hinzugefügten Anbieter',
      'the provider in use': 'der verwendete Anbieter',
      'whether you were signed in': 'ob Sie angemeldet waren',
      'the models you hid or corrected': 'die ausgeblendeten oder korrigierten Modelle',
      'the image model you picked': 'das gewählte Bildmodell',
      'the image editing model you picked': 'das gewählte Modell zum Bearbeiten von Bildern',
      'Send when transcribed': '„Nach dem Transkribieren senden“',
      'Read each answer aloud when it finishes': '„Jede Antwort vorlesen, sobald sie fertig ist“',
      'the transcription model you picked': 'das gewählte Transkriptionsmodell',
    },
    ja: {
      'the theme': '外観',
      'the language': '言語',
      'the answer lengths': '回答の長さ',
      'the AI Pass server URL': 'AI Pass のサーバー URL',
      'the AI Pass Client ID': 'AI Pass のクライアント ID',
      'Stay signed in': '「サインインしたままにする」',
      'the read-aloud voice': '読み上げの声',
      'the read-aloud speed': '読み上げの速さ',
      'the chat model you picked': '選択したチャットモデル',
      'the conversation open last': '最後に開いていた会話',
      'the providers you added': '追加したプロバイダ',
      'the provider in use': '使用中のプロバイダ',
      'whether you were signed in': 'サインイン状態',
      'the models you hid or corrected': '非表示または修正したモデル',
      'the image model you picked': '選択した画像モデル',
      'the image editing model you picked': '選択した画像編集モデル',
      'Send when transcribed': '「文字起こしが終わったら送信」',
      'Read each answer aloud when it finishes': '「答えが終わるたびに読み上げる」',
      'the transcription model you picked': '選択した文字起こしモデル',
    },
  },
);

export type SettingName = Parameters<typeof settingNamesText>[0];

export function isSettingName(note: string): note is SettingName {
  return Object.hasOwn(settingNamesText.catalogs.en, note);
}
