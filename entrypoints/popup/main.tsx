import { render } from 'preact';
import '../../components/theme.css';
import { applyTheme } from '../../components/apply-theme';
import { followLanguageSetting } from '../../lib/i18n/current';
import { exposeForTests } from '../../lib/testing/expose';
import './style.css';
import { Popup } from './Popup';

applyTheme();
followLanguageSetting();
render(<Popup />, document.getElementById('app') as HTMLElement);
if (import.meta.env.MODE === 'test')
  void import('../../lib/api/authorized-fetch').then(({ authorizedFetch }) =>
    exposeForTests({ authorizedFetch }),
  );
