import { render } from 'preact';
import '../../components/theme.css';
import { authorizedFetch } from '../../lib/api/authorized-fetch';
import { exposeForTests } from '../../lib/testing/expose';
import './style.css';
import { Popup } from './Popup';

render(<Popup />, document.getElementById('app') as HTMLElement);
if (import.meta.env.MODE === 'test') exposeForTests({ authorizedFetch });
