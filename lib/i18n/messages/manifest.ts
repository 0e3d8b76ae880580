/**
 * What the browser shows of Passlight outside its pages: its name and description in the store
 * and the extensions page, and its keyboard commands. Written to `_locales/` at build time.
 */
import { defineMessages } from '../define';

export const manifestText = defineMessages(
  {
    name: 'Passlight',
    description:
      'Explain, describe and read aloud anything on the page with AI, signed in with your own AI Pass account.',
    openSidePanel: 'Open the Passlight side panel',
    explainSelection: 'Explain the selected text',
  },
  {
    de: {
      name: 'Passlight',
      description:
        'Mit KI alles auf der Seite erklären, beschreiben und vorlesen lassen – angemeldet mit Ihrem eigenen AI-Pass-Konto.',
      openSidePanel: 'Passlight-Seitenleiste öffnen',
      explainSelection: 'Markierten Text erklären',
    },
    ja: {
      name: 'Passlight',
      description:
        'ページ上のあらゆるものを AI が説明・描写・読み上げ。ご自身の AI Pass アカウントでサインインして使えます。',
      openSidePanel: 'Passlight のサイドパネルを開く',
      explainSelection: '選択したテキストを説明する',
    },
  },
);
