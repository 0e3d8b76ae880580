/**
 * What the panel does with a page action (a right-click or a keyboard command): Explain and
 * Summarize ask in a conversation of their own, Describe image first reads the image, Edit image
 * opens the image composer on it, and an action that could not start says why in a conversation.
 */
import type { PageAction } from '../../lib/actions/page-action';
import { questionFor } from '../../lib/chat/action-inbox';
import type { ConversationThread } from '../../lib/chat/conversation-thread';
import type { ModelChoice } from '../../lib/chat/model-choice';
import type { MessageContext } from '../../lib/chat/records';
import { imageToggleText } from '../../lib/i18n/messages/image-toggle';
import { panelText } from '../../lib/i18n/messages/panel';
import type { ChatDeps } from './chat-deps';

export interface PageActionDeps extends Pick<ChatDeps, 'imageFor' | 'editSourceFor'> {
  thread: ConversationThread;
  choice: ModelChoice;
  /** Opens the image composer on `blob`, asking what to change. */
  startEditing: (id: string, blob: Blob) => void;
}

/** A failure as words to show: an Error's message, or what was thrown. */
function problemOf(error: unknown): { problem: string } {
  return { problem: error instanceof Error ? error.message : String(error) };
}

export function pageActionRunner({
  thread,
  choice,
  imageFor,
  editSourceFor,
  startEditing,
}: PageActionDeps) {
  return async function runAction(action: PageAction): Promise<void> {
    if (choice.state.peek() !== 'ready') await choice.load();
    switch (action.kind) {
      case 'explain':
      case 'summarize': {
        const { title, text, context } = questionFor(action);
        await thread.askInNewConversation(title, text, [], context);
        return;
      }
      case 'describe-image': {
        const title = panelText('imageTitle', { page: action.page.title || action.page.url });
        const context: MessageContext = {
          kind: 'image',
          pageTitle: action.page.title,
          pageUrl: action.page.url,
        };
        // Downloading runs outside the thread's queue: a slow image holds up no other click.
        const image = await imageFor(action).then((dataUrl) => ({ dataUrl }), problemOf);
        if ('dataUrl' in image)
          await thread.askInNewConversation(
            title,
            'Describe this image.',
            [image.dataUrl],
            context,
          );
        else await thread.reportFailedAction(title, image.problem, context);
        return;
      }
      case 'edit-image': {
        const source = await editSourceFor(action).then((blob) => ({ blob }), problemOf);
        if ('blob' in source) {
          await thread.startNew();
          startEditing(crypto.randomUUID(), source.blob);
        } else
          await thread.reportFailedAction(imageToggleText('editTitle'), source.problem, {
            kind: 'image',
            pageTitle: action.page.title,
            pageUrl: action.page.url,
          });
        return;
      }
      case 'failed':
        return thread.reportFailedAction(action.title, action.message, {
          kind: 'page',
          pageTitle: action.page.title,
          pageUrl: action.page.url,
        });
    }
  };
}
