import { render } from 'preact';
import '../../components/theme.css';
import { applyTheme } from '../../components/apply-theme';
import { authorizedFetch } from '../../lib/api/authorized-fetch';
import { followLanguageSetting } from '../../lib/i18n/current';
import { StreamingMarkdownView } from '../../lib/markdown/streaming-view';
import { prepareImage } from '../../lib/media/compress-image';
import { splitIntoSegments } from '../../lib/speech/segments';
import { exposeForTests } from '../../lib/testing/expose';
import './style.css';
import { followLanguageSetting } from '../../lib/i18n/current';
import { defaultChatDeps } from './chat-deps';
import { SidePanel } from './SidePanel';

applyTheme();
followLanguageSetting();
const deps = defaultChatDeps();
render(<SidePanel deps={deps} />, document.getElementById('app') as HTMLElement);
if (import.meta.env.MODE === 'test') {
  exposeForTests({
    authorizedFetch,
    StreamingMarkdownView,
    prepareImage,
    splitIntoSegments,
    chatStore: deps.store,
  });
}
