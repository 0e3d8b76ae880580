/**
 * Builds one gateway: its state, its plugins and hooks in the order that matters, its routes.
 */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAdminRoutes } from './admin';
import { registerModelProxy } from './api/routes';
import { registerAccountApi } from './billing/account-api';
import { registerAccountPages } from './billing/checkout-pages';
import type { GatewayContext } from './context';
import { createControl, type GatewayControl } from './control';
import { installCors } from './cors';
import { installErrorHandlers } from './errors';
import { FaultQueue } from './faults';
import { registerFileRoutes } from './files';
import { Grants } from './grants';
import { registerAuthorizeRoutes } from './oauth/authorize';
import { ExternalTokens } from './oauth/external-tokens';
import { registerMetadataRoute } from './oauth/metadata';
import { registerRevokeRoute } from './oauth/revoke';
import { registerTokenRoute } from './oauth/token';
import { registerUserinfoRoute } from './oauth/userinfo';
import { type GatewayOptions, resolveOptions } from './options';
import { Recorder } from './recording';
import { GatewayState } from './state';

export interface GatewayApp {
  app: FastifyInstance;
  ctx: GatewayContext;
  control: GatewayControl;
}

export async function createGatewayApp(options: GatewayOptions = {}): Promise<GatewayApp> {
  const resolved = resolveOptions(options);
  const state = new GatewayState(resolved);
  const ctx: GatewayContext = {
    options: resolved,
    clients: new Map(resolved.clients.map((client) => [client.clientId, client])),
    state,
    grants: new Grants(state, resolved),
    recorder: new Recorder(resolved.log),
    faults: new FaultQueue(),
    externalTokens: resolved.externalTokens && new ExternalTokens(resolved.externalTokens, state),
    origin: `http://${resolved.host}`,
  };
  const control = createControl(ctx);

  // Open streams must not keep close() waiting.
  const app = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart);
  // Hook order: record everything, then CORS (which answers preflights), then status faults,
  // so an injected 429 still carries CORS headers.
  ctx.recorder.install(app);
  await installCors(app);
  ctx.faults.install(app, ctx.recorder);
  installErrorHandlers(app);

  registerMetadataRoute(app, ctx);
  registerAuthorizeRoutes(app, ctx);
  registerTokenRoute(app, ctx);
  registerRevokeRoute(app, ctx);
  registerUserinfoRoute(app, ctx);
  registerModelProxy(app, ctx);
  registerAccountApi(app, ctx);
  registerAccountPages(app, ctx);
  registerFileRoutes(app, ctx);
  registerAdminRoutes(app, control);
  return { app, ctx, control };
}
