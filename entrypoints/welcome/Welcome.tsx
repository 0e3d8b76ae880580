import { browser } from 'wxt/browser';
import { BrandHeader } from '../../components/BrandHeader';

const STEPS = [
  {
    title: 'Sign in with AI Pass',
    text: 'Click the Passlight button in the toolbar and choose “Sign in with AI Pass”. You pay from your own AI Pass balance; there is no API key to paste.',
  },
  {
    title: 'Explain a selection',
    text: 'Select a sentence on any page, right-click it and choose Explain. The answer streams into the side panel.',
  },
  {
    title: 'Describe an image, or hear a text',
    text: 'Right-click an image and choose Describe image, or select text and choose Read aloud.',
  },
];

export function Welcome() {
  return (
    <>
      <BrandHeader>
        <button type="button" class="btn" onClick={() => browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </BrandHeader>
      <main class="welcome">
        <h1>Welcome to Passlight</h1>
        <p class="muted lead">
          AI for whatever you are reading, billed to your own AI Pass account.
        </p>
        <ol class="steps">
          {STEPS.map((step, index) => (
            <li key={step.title} class="card step">
              <span class="step-number" aria-hidden="true">
                {index + 1}
              </span>
              <div>
                <h2>{step.title}</h2>
                <p class="muted">{step.text}</p>
              </div>
            </li>
          ))}
        </ol>
        <section class="card try-it" aria-labelledby="try-title">
          <h2 id="try-title">Try it here</h2>
          <p>
            Light travels about 299,792 kilometres per second, so sunlight reaching Earth left the
            Sun a little over eight minutes earlier. Select this paragraph and right-click it.
          </p>
        </section>
      </main>
    </>
  );
}
