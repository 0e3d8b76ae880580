/** The right-click menu and what its actions say when they cannot start. */
import { defineMessages } from '../define';

export const menuText = defineMessages(
  {
    explain: 'Explain',
    readAloud: 'Read aloud',
    describeImage: 'Describe image',
    editImage: 'Edit image…',
    summarize: 'Summarize this page',
    signInFirst: '{title} (sign in to {provider} first)',
    selectFirst: 'Select some text on the page first, then choose Explain.',
    noPageText: 'This page has no text to summarize.',
    noImageAddress: 'This image has no address Passlight can read.',
    cannotReadPage:
      'Passlight cannot read this page: browsers do not let extensions run on their own pages (such as chrome:// pages and the Web Store) or inside the built-in PDF viewer.',
  },
  {
    de: {
      explain: 'Erklären',
      readAloud: 'Vorlesen',
      describeImage: 'Bild beschreiben',
      editImage: 'Bild bearbeiten…',
      summarize: 'Diese Seite zusammenfassen',
      signInFirst: '{title} (zuerst bei {provider} anmelden)',
      selectFirst: 'Markieren Sie zuerst Text auf der Seite und wählen Sie dann „Erklären“.',
      noPageText: 'Diese Seite hat keinen Text zum Zusammenfassen.',
      noImageAddress: 'Dieses Bild hat keine Adresse, die Passlight lesen kann.',
      cannotReadPage:
        'Passlight kann diese Seite nicht lesen: Browser lassen Erweiterungen weder auf ihren eigenen Seiten (etwa chrome://-Seiten und dem Web Store) noch im eingebauten PDF-Viewer laufen.',
    },
    ja: {
      explain: '説明する',
      readAloud: '読み上げる',
      describeImage: '画像を説明する',
      editImage: '画像を編集…',
      summarize: 'このページを要約する',
      signInFirst: '{title}（先に {provider} にサインインしてください）',
      selectFirst: 'まずページのテキストを選択してから「説明する」を選んでください。',
      noPageText: 'このページには要約するテキストがありません。',
      noImageAddress: 'この画像には Passlight が読み取れるアドレスがありません。',
      cannotReadPage:
        'Passlight はこのページを読み取れません。ブラウザは、ブラウザ自身のページ（chrome:// のページや Web ストアなど）や組み込みの PDF ビューアでは拡張機能の実行を許可していません。',
    },
  },
);
