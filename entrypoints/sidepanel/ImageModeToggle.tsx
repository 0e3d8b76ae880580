import { imageToggleText } from '../../lib/i18n/messages/image-toggle';
import type { ChatModel } from './chat-model';
import './image-mode-toggle.css';

/** Text or Image: what the composer asks for. The image half loads when Image is first chosen. */
export function ImageModeToggle({ chat }: { chat: ChatModel }) {
  const mode = chat.composerMode.value;
  const choose = (next: 'chat' | 'image') => {
    chat.composerMode.value = next;
    if (next === 'chat') chat.editSources.value = [];
  };
  return (
    <fieldset class="mode-toggle">
      <legend class="sr-only">{imageToggleText('modeLabel')}</legend>
      <button
        type="button"
        aria-pressed={mode === 'chat'}
        disabled={chat.isStreaming.value}
        onClick={() => choose('chat')}
      >
        {imageToggleText('chat')}
      </button>
      <button
        type="button"
        aria-pressed={mode === 'image'}
        disabled={chat.isStreaming.value}
        onClick={() => choose('image')}
      >
        {imageToggleText('image')}
      </button>
    </fieldset>
  );
}
