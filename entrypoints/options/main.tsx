import { render } from 'preact';
import '../../components/theme.css';
import './style.css';
import { OptionsPage } from './OptionsPage';

render(<OptionsPage />, document.getElementById('app') as HTMLElement);
