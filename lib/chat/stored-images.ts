/**
 * Pictures kept with their conversation, as Blobs by id, apart from the messages: a
 * conversation's list and its search never load them. Deleted with their conversation (see
 * stored-conversations.ts).
 */
import type { ChatDatabase } from './chat-database';
import { StorageProblem } from './storage-problem';

export function storedImages(db: ChatDatabase) {
  return {
    /** Keeps pictures with a conversation; refused with `gone` when it was deleted. */
    async saveImages(
      conversationId: string,
      images: Array<{ id: string; blob: Blob }>,
    ): Promise<void> {
      if (images.length === 0) return;
      await db.write(async (opened) => {
        const transaction = opened.transaction(['conversations', 'images'], 'readwrite');
        if (!(await transaction.objectStore('conversations').getKey(conversationId)))
          throw new StorageProblem('gone');
        const createdAt = Date.now();
        for (const { id, blob } of images)
          void transaction.objectStore('images').put({ id, conversationId, blob, createdAt });
        await transaction.done;
      });
    },

    /** A kept picture's bytes, or undefined when it is gone. */
    async loadImage(id: string): Promise<Blob | undefined> {
      return (await db.read((opened) => opened.get('images', id)))?.blob;
    },
  };
}
