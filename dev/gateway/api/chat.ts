/**
 * `POST /chat/completions`: OpenAI's body, a whole completion or an SSE stream, vision included.
 */
import type { FastifyInstance } from 'fastify';
import { charge, PRICES } from '../billing/ledger';
import type { GatewayContext } from '../context';
import { isRecord } from '../http';
import { randomSecret } from '../secrets';
import type { User } from '../state';
import { requirePaidAccess } from './access';
import { defaultReply } from './chat-reply';
import { requireFitsContext } from './context-limit';
import { apiError, invalidRequest } from './errors';
import { requireModel } from './models';
import { streamCompletion } from './sse';
import { estimateTokens } from './token-count';
import { readMessages } from './vision';

/** Room for a 20 MB image as base64 plus the rest, so the gateway itself can answer 413. */
const CHAT_BODY_LIMIT = 32 * 1024 * 1024;

export function registerChatRoute(api: FastifyInstance, ctx: GatewayContext): void {
  api.post('/chat/completions', { bodyLimit: CHAT_BODY_LIMIT }, async (request, reply) => {
    const { user } = await requirePaidAccess(ctx, request);
    const body = isRecord(request.body) ? request.body : {};
    const model = requireModel(body.model, ['chat'], '/chat/completions');
    if (body.stream !== undefined && typeof body.stream !== 'boolean') {
      throw invalidRequest('stream must be a boolean.');
    }
    const { lastUserText, images, promptCharacters } = readMessages(body.messages);
    if (images.length > 0 && model.textOnly) {
      // OpenRouter's words when no endpoint of the model takes images.
      throw apiError(404, 'No endpoints found that support image input');
    }
    if (images.length > 0) ctx.recorder.annotate(request, { images });
    requireFitsContext(model, ctx.state.settings.contextLengthOverride, {
      promptCharacters,
      imageCount: images.length,
      maxTokens: body.max_tokens,
    });

    const text = ctx.state.settings.replyOverride ?? defaultReply(lastUserText, images);
    const completion = {
      id: `chatcmpl-${randomSecret(12)}`,
      created: Math.floor(Date.now() / 1000),
      model: model.id,
      text,
      promptTokens: estimateTokens(promptCharacters),
    };
    const bill = (charactersSent: number) => chargeChat(user, charactersSent, images.length);

    if (body.stream === true) {
      // Billed for what was sent, whether the stream finished or was cut.
      bill(await streamCompletion(ctx, request, reply, completion));
      return reply;
    }
    bill(text.length);
    const completionTokens = estimateTokens(text.length);
    return {
      id: completion.id,
      object: 'chat.completion',
      created: completion.created,
      model: model.id,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: text, refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: completion.promptTokens,
        completion_tokens: completionTokens,
        total_tokens: completion.promptTokens + completionTokens,
      },
    };
  });
}

function chargeChat(user: User, outputCharacters: number, imageCount: number): void {
  charge(
    user,
    PRICES.chatCall +
      PRICES.chatOutputCharacter * outputCharacters +
      PRICES.visionImage * imageCount,
  );
}
