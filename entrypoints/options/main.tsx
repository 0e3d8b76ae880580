import { render } from 'preact';
import '../../components/theme.css';
import { applyTheme } from '../../components/apply-theme';
import './style.css';
import { OptionsPage } from './OptionsPage';

applyTheme();
render(<OptionsPage />, document.getElementById('app') as HTMLElement);
