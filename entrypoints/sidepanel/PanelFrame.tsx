/**
 * The boxes of the model picker and the composer before the account is known, without words:
 * the same frame index.html paints before any script runs (tests/unit/panel-shell.test.tsx
 * keeps the two alike), so that nothing moves when the real parts take their places.
 */
import { Icon } from '../../components/Icon';

export function ToolbarFrame() {
  return (
    <div class="toolbar" aria-hidden="true">
      <select class="frame-select" disabled tabIndex={-1} />
    </div>
  );
}

export function ComposerFrame() {
  return (
    <div class="composer" aria-hidden="true">
      <span class="mode-toggle frame-toggle">
        <span />
        <span />
      </span>
      <div class="composer-row">
        <span class="btn icon-btn">
          <Icon name="image" />
        </span>
        <span class="btn icon-btn">
          <Icon name="mic" />
        </span>
        <textarea class="frame-textarea" rows={2} disabled tabIndex={-1} />
        <span class="btn btn-primary frame-send" />
      </div>
    </div>
  );
}
