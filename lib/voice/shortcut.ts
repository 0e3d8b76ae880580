/** The side panel's voice shortcut: Alt+Shift+V is free in Chromium and Firefox on common layouts. */
export const VOICE_SHORTCUT_LABEL = 'Alt+Shift+V';

export function isVoiceShortcut(event: KeyboardEvent): boolean {
  return (
    event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyV'
  );
}
