import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BrandHeader } from '../../components/BrandHeader';
import { welcomeText } from '../../lib/i18n/messages/welcome';

const STEPS = [
  { title: 'signInTitle', text: 'signInText' },
  { title: 'explainTitle', text: 'explainText' },
  { title: 'describeTitle', text: 'describeText' },
] as const;

export function Welcome() {
  const title = welcomeText('title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <>
      <BrandHeader>
        <button type="button" class="btn" onClick={() => browser.runtime.openOptionsPage()}>
          {welcomeText('settings')}
        </button>
      </BrandHeader>
      <main class="welcome">
        <h1>{title}</h1>
        <p class="muted lead">{welcomeText('lead')}</p>
        <ol class="steps">
          {STEPS.map((step, index) => (
            <li key={step.title} class="card step">
              <span class="step-number" aria-hidden="true">
                {index + 1}
              </span>
              <div>
                <h2>{welcomeText(step.title)}</h2>
                <p class="muted">{welcomeText(step.text)}</p>
              </div>
            </li>
          ))}
        </ol>
        <section class="card try-it" aria-labelledby="try-title">
          <h2 id="try-title">{welcomeText('tryTitle')}</h2>
          <p>{welcomeText('tryText')}</p>
        </section>
      </main>
    </>
  );
}
