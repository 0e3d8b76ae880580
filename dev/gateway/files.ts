/**
 * Generated files served at `/files/…`, standing in for the image CDN a real provider links to.
 */
import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from './context';
import { randomId } from './secrets';

/** Keeps the bytes and answers their URL. */
export function storeFile(
  ctx: GatewayContext,
  contentType: string,
  extension: string,
  bytes: Buffer,
): string {
  const name = `${randomId('file')}.${extension}`;
  ctx.state.files.set(name, { contentType, bytes });
  return `${ctx.origin}/files/${name}`;
}

export function registerFileRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  app.get<{ Params: { name: string } }>('/files/:name', async (request, reply) => {
    const file = ctx.state.files.get(request.params.name);
    if (!file) return reply.callNotFound();
    return reply
      .header('content-type', file.contentType)
      .header('cache-control', 'public, max-age=3600, immutable')
      .send(file.bytes);
  });
}
