/**
 * The video endpoints are on AI Pass's allowlist, so they exist here, but the gateway makes no
 * video: creating one answers 501, and no video id is ever known.
 */
import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../context';
import { isRecord } from '../http';
import { requireApiAccess, requirePaidAccess } from './access';
import { apiError } from './errors';
import { requireModel } from './models';

export function registerVideoRoutes(api: FastifyInstance, ctx: GatewayContext): void {
  api.post('/videos', async (request) => {
    await requirePaidAccess(ctx, request);
    const body = isRecord(request.body) ? request.body : {};
    requireModel(body.model, ['video'], '/videos');
    throw apiError(501, 'Video generation is not available on the local gateway.');
  });

  api.get<{ Params: { id: string } }>('/videos/:id', async (request) => {
    await requireApiAccess(ctx, request);
    throw unknownVideo(request.params.id);
  });
  api.get<{ Params: { id: string } }>('/videos/:id/content', async (request) => {
    await requireApiAccess(ctx, request);
    throw unknownVideo(request.params.id);
  });
  api.post<{ Params: { id: string } }>('/videos/:id/remix', async (request) => {
    await requirePaidAccess(ctx, request);
    throw unknownVideo(request.params.id);
  });
}

function unknownVideo(id: string) {
  return apiError(404, `No video with id ${id}.`);
}
