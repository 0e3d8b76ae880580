/**
 * The control operations as JSON routes under `/__admin/`, for tests in another process. They
 * answer loopback callers only; anyone else gets the same 404 as an unknown path. A web page in
 * the person's browser is a loopback caller too, so the routes also want a loopback `Host` (a
 * page that rebinds its own name to 127.0.0.1 still sends that name), no `Origin` but a loopback
 * one (every cross-site fetch or form sends one), and a JSON body type on anything but a read
 * (which no form can send without a CORS preflight, and the preflight is never allowed here).
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

/** A `Host` or `Origin` naming this machine: localhost, 127.0.0.0/8 or ::1, any port. */
function isLoopbackAuthority(authority: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(`http://${authority}`).hostname;
  } catch {
    return false;
  }
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || isLoopbackAddress(bare);
}

/** Why a request may not drive the admin routes, or undefined when it may. */
export function adminRefusal(headers: {
  host?: string;
  origin?: string;
  'content-type'?: string;
  method: string;
}): { status: number; error: string } | undefined {
  if (!headers.host || !isLoopbackAuthority(headers.host)) {
    return { status: 403, error: 'The admin routes answer requests addressed to loopback only.' };
  }
  if (headers.origin !== undefined) {
    const origin = URL.canParse(headers.origin) ? new URL(headers.origin) : undefined;
    if (origin?.protocol !== 'http:' || !isLoopbackAuthority(origin.host)) {
      return { status: 403, error: 'The admin routes refuse requests from web pages.' };
    }
  }
  const reads = headers.method === 'GET' || headers.method === 'HEAD';
  if (!reads && !headers['content-type']?.toLowerCase().startsWith('application/json')) {
    return { status: 415, error: 'Send application/json.' };
  }
  return undefined;
}

export function registerAdminRoutes(app: FastifyInstance, control: GatewayControl): void {
  app.register(
    async (admin) => {
      admin.addHook('onRequest', async (request, reply) => {
        if (!isLoopbackAddress(request.socket.remoteAddress)) return reply.callNotFound();
        const refusal = adminRefusal({
          host: request.headers.host,
          origin: request.headers.origin,
          'content-type': request.headers['content-type'],
          method: request.method,
        });
        if (refusal) return reply.code(refusal.status).send({ error: refusal.error });
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
      admin.post('/context-length', async (request) => {
        control.setContextLength((body(request.body).tokens ?? null) as number | null);
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
      admin.post('/release-held', async () => {
        control.releaseHeld();
        return ok;
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
