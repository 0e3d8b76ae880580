import { render } from 'preact';
import '../../components/theme.css';
import { applyTheme } from '../../components/apply-theme';
import './style.css';
import { Welcome } from './Welcome';

applyTheme();
render(<Welcome />, document.getElementById('app') as HTMLElement);
