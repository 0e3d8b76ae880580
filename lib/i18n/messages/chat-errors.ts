/**
 * What goes wrong in the chat itself, as a person reads it: an answer that failed, the models not
 * loading, the browser's storage refusing a conversation, an archive that cannot be imported.
 */
import { defineMessages } from '../define';

export const chatErrorText = defineMessages(
  {
    answerFailed: 'Something went wrong with this answer.',
    pickModelFirst: 'Pick a model first.',
    modelsNotLoaded: 'The models could not be loaded.',
    storageQuota:
      'Passlight could not save this conversation: the browser’s storage for extensions is full.',
    storageClosed: 'Passlight could not save this conversation: the browser closed its storage.',
    storageGone: 'This conversation was deleted, perhaps in another window.',
    storageUnknown: 'Passlight could not save this conversation: the browser’s storage refused it.',
    archiveNotJson: 'This file is not JSON: nothing was imported.',
    archiveNotOurs: 'This is not a Passlight conversations file: nothing was imported.',
    archiveTooNew:
      'This file comes from a newer Passlight. Update Passlight, then import it again: nothing was imported.',
    archiveEmpty: 'This file lists no conversations.',
    archiveDamaged: 'Conversation {number} in this file is damaged: nothing was imported.',
  },
  {
    de: {
      answerFailed: 'Bei dieser Antwort ist etwas schiefgegangen.',
      pickModelFirst: 'Wählen Sie zuerst ein Modell.',
      modelsNotLoaded: 'Die Modelle konnten nicht geladen werden.',
      storageQuota:
        'Passlight konnte dieses Gespräch nicht speichern: Der Speicher des Browsers für Erweiterungen ist voll.',
      storageClosed:
        'Passlight konnte dieses Gespräch nicht speichern: Der Browser hat seinen Speicher geschlossen.',
      storageGone: 'Dieses Gespräch wurde gelöscht, vielleicht in einem anderen Fenster.',
      storageUnknown:
        'Passlight konnte dieses Gespräch nicht speichern: Der Speicher des Browsers hat es abgelehnt.',
      archiveNotJson: 'Diese Datei ist kein JSON. Es wurde nichts importiert.',
      archiveNotOurs: 'Dies ist keine Gesprächsdatei von Passlight. Es wurde nichts importiert.',
      archiveTooNew:
        'Diese Datei stammt aus einer neueren Version von Passlight. Aktualisieren Sie Passlight und importieren Sie sie dann erneut. Es wurde nichts importiert.',
      archiveEmpty: 'Diese Datei enthält keine Gespräche.',
      archiveDamaged:
        'Gespräch {number} in dieser Datei ist beschädigt. Es wurde nichts importiert.',
    },
    ja: {
      answerFailed: 'この回答で問題が発生しました。',
      pickModelFirst: '先にモデルを選んでください。',
      modelsNotLoaded: 'モデルの一覧を読み込めませんでした。',
      storageQuota:
        'この会話を保存できませんでした。ブラウザの拡張機能用ストレージがいっぱいです。',
      storageClosed: 'この会話を保存できませんでした。ブラウザがストレージを閉じました。',
      storageGone: 'この会話は削除されました（別のウィンドウで削除された可能性があります）。',
      storageUnknown: 'この会話を保存できませんでした。ブラウザのストレージが保存を拒否しました。',
      archiveNotJson: 'このファイルは JSON ではありません。何もインポートされていません。',
      archiveNotOurs:
        'このファイルは Passlight の会話ファイルではありません。何もインポートされていません。',
      archiveTooNew:
        'このファイルは新しいバージョンの Passlight で作られています。Passlight を更新してからもう一度インポートしてください。何もインポートされていません。',
      archiveEmpty: 'このファイルには会話がありません。',
      archiveDamaged:
        'このファイルの {number} 番目の会話が壊れています。何もインポートされていません。',
    },
  },
);
