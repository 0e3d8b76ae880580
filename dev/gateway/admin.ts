/**
 * The control operations as JSON routes under `/__admin/`, for tests in another process. They
 * answer loopback callers only; anyone else gets the same 404 as an unknown path.
 */
import { BlockList, isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { GatewayControl } from './control';
import type { Fault } from './faults';
import { ADMIN_PREFIX, isRecord } from './http';
import type { ModelsShape } from './options';

/** 127.0.0.0/8 and ::1, including IPv4 loopback written as IPv6 (::ffff:127.0.0.1). */
export function isLoopbackAddress(address: string | undefined): boolean {
  const family = address ? isIP(address) : 0;
  if (!address || family === 0) return false;
  const loopback = new BlockList();
  loopback.addSubnet('127.0.0.0', 8, 'ipv4');
  loopback.addAddress('::1', 'ipv6');
  return loopback.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export function registerAdminRoutes(app: FastifyInstance, control: GatewayControl): void {
  app.register(
    async (admin) => {
      admin.addHook('onRequest', async (request, reply) => {
        if (!isLoopbackAddress(request.socket.remoteAddress)) return reply.callNotFound();
      });
      // Control operations throw TypeError on bad input: that is the caller's mistake.
      admin.setErrorHandler(async (error, _request, reply) => {
        const status =
          isRecord(error) && typeof error.statusCode === 'number' ? error.statusCode : 400;
        return reply
          .code(status)
          .send({ error: error instanceof Error ? error.message : String(error) });
      });
      // Values are passed on unchecked: the control validates each one at run time.
      const body = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
      const ok = { ok: true };

      admin.post('/budget', async (request) => {
        control.setBudget(body(request.body));
        return ok;
      });
      admin.get<{ Querystring: { email?: string } }>('/usage', async (request) =>
        control.getUsage(request.query.email),
      );
      admin.post('/pace', async (request) => {
        control.setPace(body(request.body).ms as number);
        return ok;
      });
      admin.post('/access-token-ttl', async (request) => {
        control.setAccessTokenTtl(body(request.body).seconds as number);
        return ok;
      });
      admin.post('/models-shape', async (request) => {
        control.setModelsShape(body(request.body).shape as ModelsShape);
        return ok;
      });
      admin.post('/reply', async (request) => {
        control.setReply((body(request.body).text ?? null) as string | null);
        return ok;
      });
      admin.post('/faults', async (request) => {
        control.injectFault(body(request.body) as unknown as Fault);
        return ok;
      });
      admin.post('/expire-access-tokens', async () => {
        control.expireAccessTokens();
        return ok;
      });
      admin.post('/revoke-all-grants', async () => {
        control.revokeAllGrants();
        return ok;
      });
      admin.post('/revoke-grant', async (request) => {
        return { revoked: control.revokeGrantOf(String(body(request.body).token ?? '')) };
      });
      admin.get('/requests', async () => control.requests());
      admin.delete('/requests', async () => {
        control.clearRequests();
        return ok;
      });
      admin.post('/reset', async () => {
        control.reset();
        return ok;
      });
    },
    { prefix: ADMIN_PREFIX },
  );
}
