/**
 * Regenerate and Retry leave the page as the answer restarts, and the keyboard focus would fall
 * to the top of the panel: it goes to the question box instead, from where Escape or the Stop
 * button beside it ends the answer.
 */
export function regenerateFromQuestionBox(regenerate: () => Promise<unknown>): void {
  document.getElementById('question')?.focus();
  void regenerate();
}
