import { render } from 'preact';
import '../../components/theme.css';
import { applyTheme } from '../../components/apply-theme';
import { authorizedFetch } from '../../lib/api/authorized-fetch';
import { exposeForTests } from '../../lib/testing/expose';
import './style.css';
import { followLanguageSetting } from '../../lib/i18n/current';
import { defaultChatDeps } from './chat-deps';
import { SidePanel } from './SidePanel';

applyTheme();
followLanguageSetting();
const deps = defaultChatDeps();
// index.html painted a wordless frame before this script ran; the panel takes its place in one
// step (Preact renders synchronously), so no frame shows both or neither.
const app = document.getElementById('app') as HTMLElement;
app.replaceChildren();
render(<SidePanel deps={deps} />, app);
if (import.meta.env.MODE === 'test') {
  exposeForTests({ authorizedFetch, chatStore: deps.store });
  // What loads after first paint is exposed once it has: benches wait for it.
  void Promise.all([
    import('../../lib/markdown/streaming-view'),
    import('../../lib/media/compress-image'),
    import('../../lib/speech/segments'),
  ]).then(([{ StreamingMarkdownView }, { prepareImage }, { splitIntoSegments }]) =>
    exposeForTests({ StreamingMarkdownView, prepareImage, splitIntoSegments }),
  );
}
