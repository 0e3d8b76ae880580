/**
 * Server-Sent Events for streamed chat completions, written the hard way on purpose: every event
 * that holds a multi-byte character goes out in two writes split inside that character, so a
 * client that decodes each network chunk on its own shows garbage and is caught.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayContext } from '../context';
import { pathOf, sleep } from '../http';
import { estimateTokens } from './token-count';

/** Characters (code points) per content delta: small, as real streams are. */
const CHARACTERS_PER_DELTA = 4;
/** Long enough for the client to read the first half of a split character on its own. */
const SPLIT_PAUSE_MS = 2;

export interface StreamedCompletion {
  id: string;
  created: number;
  model: string;
  text: string;
  promptTokens: number;
}

/** Streams the completion; resolves with how many characters of it were sent. */
export async function streamCompletion(
  ctx: GatewayContext,
  request: FastifyRequest,
  reply: FastifyReply,
  completion: StreamedCompletion,
): Promise<number> {
  const drop = ctx.faults.take(pathOf(request.url), 'drop-after-chunks');
  reply.hijack();
  const response = reply.raw;
  // Headers already set on the reply (CORS) would be lost by hijacking: carry them over.
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) response.setHeader(name, value);
  }
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  response.flushHeaders();
  ctx.recorder.annotate(request, { status: 200 });
  const writer = new SplittingWriter(response);

  let charactersSent = 0;
  const eventsSentAt: number[] = [];
  ctx.recorder.annotate(request, { eventsSentAt });
  for (const event of completionEvents(completion)) {
    // The pace is the gap between events: none after the last, so billing follows at once.
    const { paceMs } = ctx.state.settings;
    if (eventsSentAt.length > 0 && paceMs > 0) await sleep(paceMs);
    if (writer.closed) break;
    if (drop && eventsSentAt.length === drop.chunks) {
      ctx.recorder.annotate(request, { fault: `drop after ${drop.chunks} chunks` });
      // A connection that ends without finishing the stream: the client gets every byte sent
      // before it, then a network error, as when a proxy or a Wi-Fi link gives up mid-answer.
      response.socket?.end();
      break;
    }
    await writer.writeEvent(event.data);
    eventsSentAt.push(Date.now());
    charactersSent += event.characters;
  }
  if (!writer.closed) response.end();
  return charactersSent;
}

interface StreamEvent {
  data: string;
  /** Answer characters this event carries. */
  characters: number;
}

function* completionEvents(completion: StreamedCompletion): Generator<StreamEvent> {
  const { id, created, model } = completion;
  const chunk = (choice: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index: 0, ...choice }],
      ...extra,
    });
  yield {
    data: chunk({ delta: { role: 'assistant', content: '' }, finish_reason: null }),
    characters: 0,
  };
  const characters = Array.from(completion.text);
  for (let start = 0; start < characters.length; start += CHARACTERS_PER_DELTA) {
    const content = characters.slice(start, start + CHARACTERS_PER_DELTA).join('');
    yield { data: chunk({ delta: { content }, finish_reason: null }), characters: content.length };
  }
  const completionTokens = estimateTokens(completion.text.length);
  yield {
    data: chunk(
      { delta: {}, finish_reason: 'stop' },
      {
        usage: {
          prompt_tokens: completion.promptTokens,
          completion_tokens: completionTokens,
          total_tokens: completion.promptTokens + completionTokens,
        },
      },
    ),
    characters: 0,
  };
  yield { data: '[DONE]', characters: 0 };
}

class SplittingWriter {
  closed = false;

  constructor(private readonly response: ServerResponse) {
    response.once('close', () => {
      this.closed = true;
    });
  }

  async writeEvent(data: string): Promise<void> {
    const bytes = Buffer.from(`data: ${data}\n\n`, 'utf8');
    // A lead byte of a multi-byte UTF-8 sequence is 0b11xxxxxx; cut right after it.
    const leadByte = bytes.findIndex((byte) => byte >= 0xc0);
    if (leadByte === -1) {
      await this.write(bytes);
      return;
    }
    await this.write(bytes.subarray(0, leadByte + 1));
    await sleep(SPLIT_PAUSE_MS);
    await this.write(bytes.subarray(leadByte + 1));
  }

  /** Resolves once the bytes are handed to the socket, or the connection is gone. */
  private write(bytes: Buffer): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed) {
        resolve();
        return;
      }
      this.response.once('close', resolve);
      this.response.write(bytes, () => {
        this.response.off('close', resolve);
        resolve();
      });
    });
  }
}
