/**
 * The picture half of the composer's state: which half is showing, the pictures the next request
 * changes, a `/image` prompt waiting for the image composer, and asking for pictures; and the
 * pictures kept in the conversation, to show, to edit, or to keep once a link became readable.
 */
import { batch, signal } from '@preact/signals';
import type { ConversationThread } from '../../lib/chat/conversation-thread';
import { type LiveMessage, recordOf } from '../../lib/chat/live-message';
import type { ImageWork } from '../../lib/chat/records';
import type { ChatStore } from '../../lib/chat/store';
import { titleFrom } from '../../lib/chat/titles';
import type { SendOnce } from './one-send-at-a-time';

export function imageComposerState(thread: ConversationThread, store: ChatStore, once: SendOnce) {
  /** What the composer makes: text answers, or pictures (its image half loads on first use). */
  const composerMode = signal<'chat' | 'image'>('chat');
  /** The pictures the next image request changes: a right-clicked image, a generated one. */
  const editSources = signal<Array<{ id: string; blob: Blob }>>([]);
  /** A prompt typed as `/image …`, made as soon as the image composer is ready. */
  const imageCommand = signal<string | null>(null);

  /** Opens the image composer on `blob`, asking what to change. */
  function startEditing(id: string, blob: Blob): void {
    batch(() => {
      editSources.value = [{ id, blob }];
      composerMode.value = 'image';
    });
  }

  return {
    composerMode,
    editSources,
    imageCommand,
    startEditing,
    /** Asks for pictures: made from `prompt`, or the edit sources changed as it says. */
    askForImage(
      prompt: string,
      options: Pick<ImageWork, 'model' | 'size' | 'count'>,
      onStored?: () => void,
    ): Promise<boolean> {
      const sources = editSources.peek();
      const work: ImageWork = {
        mode: sources.length > 0 ? 'edit' : 'generate',
        imageIds: sources.map((source) => source.id),
        ...options,
      };
      // The pictures are taken once the request is stored; if storage refuses it, they stay.
      const stored = () => {
        editSources.value = editSources.peek().filter((source) => !sources.includes(source));
        onStored?.();
      };
      return once(() =>
        thread.ask(titleFrom(prompt), prompt, [], undefined, stored, { work, blobs: sources }),
      );
    },
    loadImage: (id: string) => store.loadImage(id),
    /** "Edit this image" on a picture kept in the conversation. */
    async editKeptImage(id: string): Promise<void> {
      const blob = await store.loadImage(id);
      if (blob) startEditing(id, blob);
    },
    /** Keeps a picture that was shown as a link, once its site let Passlight read it. */
    async keepLinkedPicture(message: LiveMessage, url: string, blob: Blob): Promise<void> {
      const open = thread.conversation.peek();
      const work = message.imageWork.peek();
      if (!open || !work) return;
      const id = crypto.randomUUID();
      await store.saveImages(open.id, [{ id, blob }]);
      const links = work.links?.filter((link) => link !== url);
      message.imageWork.value = {
        ...work,
        imageIds: [...work.imageIds, id],
        links: links?.length ? links : undefined,
      };
      await store.saveMessage(recordOf(message, open.id));
    },
  };
}
