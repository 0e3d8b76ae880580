/**
 * `npx tsx dev/oidc/cli.ts`: the OpenID provider on http://127.0.0.1:8788 and a local gateway
 * behind it on http://127.0.0.1:8789 until Ctrl-C.
 * Options: `--port N` (the provider's), `--gateway-port N`, `--pace MS` (delay between streamed
 * chunks); 0 picks a free port.
 */
import { parseArgs } from 'node:util';
import { startOidcStack } from './stack';

const DEFAULT_PROVIDER_PORT = 8788;
const DEFAULT_GATEWAY_PORT = 8789;

function numberOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    console.error(`--${name} must be a whole number, got ${value}`);
    process.exit(2);
  }
  return number;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'gateway-port': { type: 'string' },
    pace: { type: 'string' },
  },
});

const { provider, gateway, close } = await startOidcStack({
  provider: { port: numberOption(values.port, 'port', DEFAULT_PROVIDER_PORT) },
  gateway: {
    port: numberOption(values['gateway-port'], 'gateway-port', DEFAULT_GATEWAY_PORT),
    paceMs: numberOption(values.pace, 'pace', 0),
    log: true,
  },
});

console.log(`OpenID provider:   ${provider.issuer}`);
console.log(`  Discovery:       ${provider.discoveryUrl}`);
console.log(`  Client id:       ${provider.clientId} (public, PKCE S256)`);
console.log(`  Redirect URIs:   ${provider.redirectUris.join(', ')}`);
console.log(`  Scopes:          ${provider.scopes.join(' ')}`);
console.log(`Model API gateway: ${gateway.url}/oauth2/v1 (accepts the provider's access tokens)`);
console.log('Press Ctrl-C to stop.');

const stop = async () => {
  await close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
