import './theme-settings.css';

/** A segmented row of radios under a legend, as Appearance and Language offer their choices. */
export function ChoiceRow<T extends string>(props: {
  name: string;
  legend: string;
  choices: readonly T[];
  chosen: T;
  labelOf: (choice: T) => string;
  /** The language a label is written in, when it is not the page's. */
  langOf?: (choice: T) => string | undefined;
  onChoose: (choice: T) => void;
}) {
  return (
    <fieldset class="theme-choices">
      <legend class="muted">{props.legend}</legend>
      {props.choices.map((choice) => (
        <label key={choice} class="theme-choice">
          <input
            type="radio"
            name={props.name}
            value={choice}
            checked={props.chosen === choice}
            onChange={() => props.onChoose(choice)}
          />
          <span lang={props.langOf?.(choice)}>{props.labelOf(choice)}</span>
        </label>
      ))}
    </fieldset>
  );
}
