/**
 * The image area's words that the side panel shows at first paint: the Text/Image switch, and
 * the title of a failed "Edit image…". Kept apart from images.ts, which loads with the image code
 * when it is first used.
 */
import { defineMessages } from '../define';

export const imageToggleText = defineMessages(
  {
    modeLabel: 'Answer with',
    chat: 'Text',
    image: 'Image',
    editTitle: 'Edit image',
  },
  {
    de: {
      modeLabel: 'Antwort als',
      chat: 'Text',
      image: 'Bild',
      editTitle: 'Bild bearbeiten',
    },
    ja: {
      modeLabel: '回答の形式',
      chat: 'テキスト',
      image: '画像',
      editTitle: '画像を編集',
    },
  },
);
