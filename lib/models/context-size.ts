/**
 * How many tokens a model reads at most, where the gateway's `/models` entry says: OpenRouter's
 * `context_length` (also under `top_provider`), LiteLLM's `max_input_tokens` or `max_tokens`
 * (also inside `model_info`), Groq's `context_window`. OpenAI-style entries say nothing.
 */

/** Fewer than this is no chat model; more is no model of today: either is a malformed entry. */
const PLAUSIBLE = { min: 256, max: 100_000_000 };

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function tokens(value: unknown): number | undefined {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= PLAUSIBLE.min &&
    value <= PLAUSIBLE.max
    ? value
    : undefined;
}

export function contextTokensFromMetadata(entry: object): number | undefined {
  const model = entry as Record<string, unknown>;
  const info = record(model.model_info);
  return (
    tokens(model.context_length) ??
    tokens(record(model.top_provider)?.context_length) ??
    tokens(model.context_window) ??
    tokens(model.max_input_tokens) ??
    tokens(info?.max_input_tokens) ??
    tokens(model.max_tokens) ??
    tokens(info?.max_tokens)
  );
}
