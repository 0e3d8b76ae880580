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
import { optionsText } from '../../lib/i18n/messages/options';
import './answer-length-settings.css';

const LABEL_KEYS = {
  chat: 'answerChat',
  explain: 'answerExplain',
  summarize: 'answerSummarize',
  describe: 'answerDescribe',
} as const satisfies Record<AnswerKind, string>;

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
      <h2 id="answer-length-title">{optionsText('answerLengthTitle')}</h2>
      <p class="muted" id="answer-length-hint">
        {optionsText('answerLengthLead', { min, max })}
      </p>
      <div class="answer-length-grid">
        {ANSWER_KINDS.map((kind) => (
          <div class="field" key={kind}>
            <label for={`max-tokens-${kind}`}>{optionsText(LABEL_KEYS[kind])}</label>
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
