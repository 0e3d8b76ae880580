/** Why an image could not be read, made small enough, or sent: what `lib/media` reports. */
import { defineMessages } from '../define';

export const mediaText = defineMessages(
  {
    unreadable: 'This image could not be read. Try a PNG, JPEG, WebP or GIF file.',
    trackingPixel:
      'This image is only a few pixels (a tracking pixel?): there is nothing to describe.',
    svgUnreadable: 'This SVG drawing could not be read.',
    svgTooComplex: 'This SVG is too complex to describe.',
    notAnImage: 'That file is not an image.',
    tooLarge: 'This image is larger than {megabytes} MB. Try a smaller one.',
    cannotResize: 'This browser cannot resize images here.',
    cannotShrink: 'This image could not be made small enough to send.',
    tooSlow: {
      one: 'This image took longer than {count} second to download.',
      other: 'This image took longer than {count} seconds to download.',
    },
    switchToTab: 'Switch to the tab with the image, then choose Describe image again.',
    notShared:
      'Passlight could not read this image: the site does not share it, and it is not visible on screen to capture.',
    couldNotRead: 'This image could not be read.',
  },
  {
    de: {
      unreadable:
        'Dieses Bild konnte nicht gelesen werden. Versuchen Sie eine PNG-, JPEG-, WebP- oder GIF-Datei.',
      trackingPixel:
        'Dieses Bild ist nur wenige Pixel groß (ein Zählpixel?): Es gibt nichts zu beschreiben.',
      svgUnreadable: 'Diese SVG-Zeichnung konnte nicht gelesen werden.',
      svgTooComplex: 'Diese SVG-Grafik ist zu komplex, um sie zu beschreiben.',
      notAnImage: 'Diese Datei ist kein Bild.',
      tooLarge: 'Dieses Bild ist größer als {megabytes} MB. Versuchen Sie ein kleineres.',
      cannotResize: 'Dieser Browser kann Bilder hier nicht verkleinern.',
      cannotShrink: 'Dieses Bild ließ sich nicht klein genug zum Senden machen.',
      tooSlow: {
        one: 'Das Herunterladen dieses Bildes hat länger als {count} Sekunde gedauert.',
        other: 'Das Herunterladen dieses Bildes hat länger als {count} Sekunden gedauert.',
      },
      switchToTab:
        'Wechseln Sie zum Tab mit dem Bild und wählen Sie dann erneut „Bild beschreiben“.',
      notShared:
        'Passlight konnte dieses Bild nicht lesen: Die Website gibt es nicht frei, und es ist nicht auf dem Bildschirm sichtbar, um es aufzunehmen.',
      couldNotRead: 'Dieses Bild konnte nicht gelesen werden.',
    },
    ja: {
      unreadable:
        'この画像を読み込めませんでした。PNG、JPEG、WebP、GIF のいずれかのファイルをお試しください。',
      trackingPixel:
        'この画像は数ピクセルしかありません（トラッキングピクセルかもしれません）。説明できる内容がありません。',
      svgUnreadable: 'この SVG 画像を読み込めませんでした。',
      svgTooComplex: 'この SVG は複雑すぎて説明できません。',
      notAnImage: 'そのファイルは画像ではありません。',
      tooLarge: 'この画像は {megabytes} MB を超えています。もっと小さい画像をお試しください。',
      cannotResize: 'このブラウザではここで画像を縮小できません。',
      cannotShrink: 'この画像は送信できる大きさまで縮小できませんでした。',
      tooSlow: { other: 'この画像のダウンロードに {count} 秒以上かかりました。' },
      switchToTab: '画像のあるタブに切り替えてから、もう一度「画像を説明する」を選んでください。',
      notShared:
        'この画像を読み込めませんでした。サイトが画像の共有を許可しておらず、画面上にも表示されていないため取り込めません。',
      couldNotRead: 'この画像を読み込めませんでした。',
    },
  },
);
