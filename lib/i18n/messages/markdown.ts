/**
 * What Passlight adds around an answer's Markdown: where a link goes, the code block's Copy
 * button, a formula that could not be shown, and the question before opening an unknown link.
 */
import { defineMessages } from '../define';

export const markdownText = defineMessages(
  {
    notALink: ' (not a link: {shown})',
    mailTo: ' (mail to {address})',
    image: '[image: {description}]',
    imageWithoutText: 'image',
    code: 'code',
    copyCode: 'Copy code',
    copied: 'Copied',
    copyFailed: 'Copy failed',
    formulaFailed: 'This formula could not be shown.',
    openLinkQuestion: 'Open this link?',
    unknownSite: 'This link goes to a site your question and the page did not mention:',
    openLink: 'Open link',
    cancel: 'Cancel',
  },
  {
    de: {
      notALink: ' (kein Link: {shown})',
      mailTo: ' (E-Mail an {address})',
      image: '[Bild: {description}]',
      imageWithoutText: 'Bild',
      code: 'Code',
      copyCode: 'Code kopieren',
      copied: 'Kopiert',
      copyFailed: 'Kopieren fehlgeschlagen',
      formulaFailed: 'Diese Formel konnte nicht angezeigt werden.',
      openLinkQuestion: 'Diesen Link öffnen?',
      unknownSite:
        'Dieser Link führt zu einer Website, die weder Ihre Frage noch die Seite erwähnt hat:',
      openLink: 'Link öffnen',
      cancel: 'Abbrechen',
    },
    ja: {
      notALink: '（リンクではありません：{shown}）',
      mailTo: '（{address} へのメール）',
      image: '[画像：{description}]',
      imageWithoutText: '画像',
      code: 'コード',
      copyCode: 'コードをコピー',
      copied: 'コピーしました',
      copyFailed: 'コピーできませんでした',
      formulaFailed: 'この数式を表示できませんでした。',
      openLinkQuestion: 'このリンクを開きますか？',
      unknownSite: 'このリンクは、質問にもページにも出てこなかったサイトにつながっています：',
      openLink: 'リンクを開く',
      cancel: 'キャンセル',
    },
  },
);
