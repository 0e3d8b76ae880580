/**
 * `POST /embeddings`: deterministic unit vectors from a hash of each text.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { charge, PRICES } from '../billing/ledger';
import type { GatewayContext } from '../context';
import { isRecord } from '../http';
import { requirePaidAccess } from './access';
import { invalidRequest } from './errors';
import { requireModel } from './models';
import { estimateTokens } from './token-count';

const DIMENSIONS = 16;
const MAX_INPUTS = 2048;

export function registerEmbeddingsRoute(api: FastifyInstance, ctx: GatewayContext): void {
  api.post('/embeddings', async (request) => {
    const { user } = await requirePaidAccess(ctx, request);
    const body = isRecord(request.body) ? request.body : {};
    const model = requireModel(body.model, ['embedding'], '/embeddings');
    const inputs = readInputs(body.input);
    const encoding = body.encoding_format ?? 'float';
    if (encoding !== 'float' && encoding !== 'base64') {
      throw invalidRequest('encoding_format must be float or base64.');
    }
    const tokens = inputs.reduce((sum, text) => sum + estimateTokens(text.length), 0);
    charge(user, PRICES.embeddingsCall);
    return {
      object: 'list',
      data: inputs.map((text, index) => {
        const vector = embed(text);
        return {
          object: 'embedding',
          index,
          // The OpenAI SDKs ask for base64 (little-endian float32) by default.
          embedding:
            encoding === 'float'
              ? vector
              : Buffer.from(new Float32Array(vector).buffer).toString('base64'),
        };
      }),
      model: model.id,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    };
  });
}

function readInputs(input: unknown): string[] {
  const inputs = typeof input === 'string' ? [input] : input;
  if (
    !Array.isArray(inputs) ||
    inputs.length === 0 ||
    inputs.length > MAX_INPUTS ||
    !inputs.every((text) => typeof text === 'string' && text.length > 0)
  ) {
    throw invalidRequest(
      `input must be a non-empty string or an array of 1 to ${MAX_INPUTS} non-empty strings.`,
    );
  }
  return inputs;
}

function embed(text: string): number[] {
  const digest = createHash('sha256').update(text).digest();
  const raw = Array.from({ length: DIMENSIONS }, (_, index) => (digest[index] ?? 0) / 127.5 - 1);
  const length = Math.hypot(...raw) || 1;
  return raw.map((value) => value / length);
}
