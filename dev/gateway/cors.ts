/**
 * CORS as AI Pass has it: open to every origin on the token, revocation and userinfo endpoints,
 * the model proxy and the account API; closed on the HTML pages and the admin routes. Generated
 * files are open too, like the image CDN a real answer links to.
 */
import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import { MODEL_PROXY_PREFIX } from './api/routes';
import { pathOf } from './http';

const OPEN_PATHS = new Set(['/oauth2/token', '/oauth2/revoke', '/oauth2/userinfo']);
const OPEN_PREFIXES = [`${MODEL_PROXY_PREFIX}/`, '/api/v1/', '/files/'];

const OPEN: FastifyCorsOptions = {
  origin: '*',
  methods: ['GET', 'POST'],
  allowedHeaders: ['Authorization', 'Content-Type'],
  maxAge: 600,
};

function isCorsOpen(path: string): boolean {
  return OPEN_PATHS.has(path) || OPEN_PREFIXES.some((prefix) => path.startsWith(prefix));
}

export async function installCors(app: FastifyInstance): Promise<void> {
  await app.register(cors, {
    delegator: (request, callback) => {
      callback(null, isCorsOpen(pathOf(request.url)) ? OPEN : { origin: false });
    },
  });
}
