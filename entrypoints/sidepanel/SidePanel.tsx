import { BrandHeader } from '../../components/BrandHeader';

export function SidePanel() {
  return (
    <div class="panel">
      <BrandHeader />
      <main class="panel-body">
        <section class="panel-empty" aria-labelledby="panel-empty-title">
          <img src="/icon/128.png" alt="" width={56} height={56} />
          <h1 id="panel-empty-title">Ask about anything you see</h1>
          <p class="muted">
            Select text on a page and choose Explain, or right-click an image and choose Describe.
            The answers will appear here.
          </p>
        </section>
      </main>
    </div>
  );
}
