import { render } from 'preact';
import '../../components/theme.css';
import './style.css';
import { SidePanel } from './SidePanel';

render(<SidePanel />, document.getElementById('app') as HTMLElement);
