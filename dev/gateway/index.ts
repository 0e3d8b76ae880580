/**
 * A local stand-in for AI Pass (https://aipass.one), as strict as the real service, for tests,
 * `npm start` and `npm run gateway`. Every instance keeps its own state: start as many as needed.
 */
import type { AddressInfo } from 'node:net';
import type { GatewayControl } from './control';
import type { GatewayOptions } from './options';
import { createGatewayApp } from './server';

export type { UsageSummary } from './billing/ledger';
export type { GatewayControl } from './control';
export type { Fault, HeldResponse } from './faults';
export {
  type ClientRegistration,
  DEMO_ACCOUNT,
  DEMO_ACCOUNTS,
  DEMO_CLIENT,
  type ExternalTokenOptions,
  type GatewayOptions,
  type ModelsShape,
  SECOND_DEMO_ACCOUNT,
  type TokenDialect,
} from './options';
export type { ImageFacts, MultipartPartSummary, RecordedRequest } from './recording';

export interface Gateway {
  /** The origin, without a trailing slash; also the OAuth issuer. */
  url: string;
  control: GatewayControl;
  close(): Promise<void>;
}

export async function startGateway(options: GatewayOptions = {}): Promise<Gateway> {
  const { app, ctx, control } = await createGatewayApp(options);
  await app.listen({ port: ctx.options.port, host: ctx.options.host });
  ctx.origin = originOf(ctx.options.host, app.server.address() as AddressInfo);
  return { url: ctx.origin, control, close: () => app.close() };
}

/** A URL a client on this machine can use, even when listening on every interface. */
function originOf(host: string, address: AddressInfo): string {
  const hostname = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${address.port}`;
}
