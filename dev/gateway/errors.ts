/**
 * One error handler and one not-found handler for the whole gateway, each answering in the
 * format of the area the path belongs to, as the real service's separate parts would.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { openAiErrorBody } from './api/errors';
import { MODEL_PROXY_PREFIX } from './api/routes';
import { HttpError, isRecord, pathOf } from './http';
import { sendErrorPage } from './pages/html';

type Area = 'model-proxy' | 'oauth' | 'account-api' | 'page' | 'other';

function areaOf(path: string): Area {
  if (path.startsWith(`${MODEL_PROXY_PREFIX}/`)) return 'model-proxy';
  if (['/oauth2/token', '/oauth2/revoke', '/oauth2/userinfo'].includes(path)) return 'oauth';
  if (path.startsWith('/api/')) return 'account-api';
  if (path === '/oauth2/authorize' || /^\/(checkout|panel)\//.test(path)) return 'page';
  return 'other';
}

function sendAreaError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
) {
  switch (areaOf(pathOf(request.url))) {
    case 'model-proxy':
      return reply.code(status).send(openAiErrorBody(status, message));
    case 'oauth':
      return reply.code(status).send({
        error: status >= 500 ? 'server_error' : 'invalid_request',
        error_description: message,
      });
    case 'account-api':
      return reply.code(status).send({ success: false, message });
    case 'page':
      return sendErrorPage(
        reply,
        status,
        status === 404 ? 'Not found' : 'Something went wrong',
        message,
      );
    case 'other':
      return reply.code(status).send({ error: message });
  }
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).headers(error.headers).send(error.body);
    }
    // Fastify's own errors (bad JSON, body too large, wrong content type…) carry a 4xx status.
    const status =
      isRecord(error) && typeof error.statusCode === 'number' && error.statusCode >= 400
        ? error.statusCode
        : 500;
    const message = error instanceof Error ? error.message : String(error);
    if (status >= 500) {
      console.error(`Gateway error on ${request.method} ${pathOf(request.url)}:`, error);
    }
    return sendAreaError(
      request,
      reply,
      status,
      status >= 500 ? 'Internal gateway error.' : message,
    );
  });
  app.setNotFoundHandler(async (request, reply) =>
    sendAreaError(request, reply, 404, `Not found: ${request.method} ${pathOf(request.url)}`),
  );
}
