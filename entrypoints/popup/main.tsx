import { render } from 'preact';
import '../../components/theme.css';
import { applyTheme } from '../../components/apply-theme';
import { exposeForTests } from '../../lib/testing/expose';
import './style.css';
import { Popup } from './Popup';

applyTheme();
render(<Popup />, document.getElementById('app') as HTMLElement);
if (import.meta.env.MODE === 'test')
  void import('../../lib/api/authorized-fetch').then(({ authorizedFetch }) =>
    exposeForTests({ authorizedFetch }),
  );
