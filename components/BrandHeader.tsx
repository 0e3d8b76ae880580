import type { ComponentChildren } from 'preact';
import './brand-header.css';

/** The logo and name at the top of every page, with room for page actions on the right. */
export function BrandHeader({ children }: { children?: ComponentChildren }) {
  return (
    <header class="brand-header">
      <img class="brand-logo" src="/icon/48.png" alt="" width={24} height={24} />
      <span class="brand-name">Passlight</span>
      <div class="brand-actions">{children}</div>
    </header>
  );
}
