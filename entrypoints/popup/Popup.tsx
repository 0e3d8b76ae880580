import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BrandHeader } from '../../components/BrandHeader';
import { prepareSidePanelOpener } from '../../lib/side-panel';

export function Popup() {
  const openSidePanel = useMemo(prepareSidePanelOpener, []);
  const error = useSignal('');

  const onOpenSidePanel = () => {
    openSidePanel().then(
      () => window.close(),
      () => {
        error.value = 'The side panel could not be opened here. Try again from a normal tab.';
      },
    );
  };

  return (
    <>
      <BrandHeader>
        <button
          type="button"
          class="btn icon-btn"
          onClick={() => browser.runtime.openOptionsPage()}
          aria-label="Settings"
          title="Settings"
        >
          ⚙
        </button>
      </BrandHeader>
      <main class="popup">
        <section class="card">
          <h1>AI on any page</h1>
          <p class="muted">
            Select text or right-click an image, then ask Passlight to explain, describe or read it
            aloud. Answers appear in the side panel.
          </p>
          <button type="button" class="btn btn-primary wide" onClick={onOpenSidePanel}>
            Open side panel
          </button>
          <p role="alert" class="status-error">
            {error}
          </p>
        </section>
      </main>
    </>
  );
}
