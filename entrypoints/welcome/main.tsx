import { render } from 'preact';
import '../../components/theme.css';
import { applyTheme } from '../../components/apply-theme';
import { followLanguageSetting } from '../../lib/i18n/current';
import './style.css';
import { Welcome } from './Welcome';

applyTheme();
followLanguageSetting();
render(<Welcome />, document.getElementById('app') as HTMLElement);
