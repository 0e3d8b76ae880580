import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  ANSWER_KINDS,
  type AnswerKind,
  ceilingOf,
  OUTPUT_CEILING_RANGE,
  type OutputCeilings,
} from '../../lib/chat/output-ceiling';
import { outputCeilings } from '../../lib/config/output-ceilings';
import './answer-length-settings.css';

const LABELS: Record<AnswerKind, string> = {
  chat: 'Chat',
  explain: 'Explain',
  summarize: 'Summarize this page',
  describe: 'Describe image',
};

const { min, max, step } = OUTPUT_CEILING_RANGE;

/** The most tokens each kind of answer may use, saved as soon as a value is left. */
export function AnswerLengthSettings() {
  const ceilings = useSignal<OutputCeilings>({});
  useEffect(() => {
    const show = (value: OutputCeilings | null) => {
      ceilings.value = value ?? {};
    };
    void outputCeilings.getValue().then(show);
    return outputCeilings.watch(show);
  }, []);

  const save = (kind: AnswerKind, value: number) => {
    // An empty or odd entry goes back to the value in force; anything else is kept in range.
    const next = { ...ceilings.value, [kind]: ceilingOf(kind, { [kind]: value }) };
    ceilings.value = next;
    void outputCeilings.setValue(next);
  };

  return (
    <section class="card answer-length-settings" aria-labelledby="answer-length-title">
      <h2 id="answer-length-title">Answer length</h2>
      <p class="muted" id="answer-length-hint">
        The most tokens an answer may use, for each action. A page cannot make an answer cost more
        than this. From {min.toLocaleString('en-US')} to {max.toLocaleString('en-US')}: reasoning
        models need room to think before they answer.
      </p>
      <div class="answer-length-grid">
        {ANSWER_KINDS.map((kind) => (
          <div class="field" key={kind}>
            <label for={`max-tokens-${kind}`}>{LABELS[kind]}</label>
            <input
              id={`max-tokens-${kind}`}
              type="number"
              inputMode="numeric"
              min={min}
              max={max}
              step={step}
              value={ceilingOf(kind, ceilings.value)}
              aria-describedby="answer-length-hint"
              onChange={(event) => save(kind, event.currentTarget.valueAsNumber)}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
