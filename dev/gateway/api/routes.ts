/**
 * The model proxy under `/oauth2/v1`: exactly AI Pass's allowlist; anything else is 404.
 */
import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../context';
import { registerAudioRoutes } from './audio';
import { registerChatRoute } from './chat';
import { registerEmbeddingsRoute } from './embeddings';
import { registerImageRoutes } from './images';
import { registerModelRoutes } from './models';
import { registerVideoRoutes } from './videos';

export const MODEL_PROXY_PREFIX = '/oauth2/v1';

export function registerModelProxy(app: FastifyInstance, ctx: GatewayContext): void {
  app.register(
    async (api) => {
      registerModelRoutes(api, ctx);
      registerChatRoute(api, ctx);
      registerEmbeddingsRoute(api, ctx);
      registerImageRoutes(api, ctx);
      registerAudioRoutes(api, ctx);
      registerVideoRoutes(api, ctx);
    },
    { prefix: MODEL_PROXY_PREFIX },
  );
}
