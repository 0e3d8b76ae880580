/**
 * `npm run gateway`: a local AI Pass on http://127.0.0.1:8787 until Ctrl-C.
 * Options: `--port N` (default 8787), `--pace MS` (delay between streamed chunks).
 */
import { parseArgs } from 'node:util';
import { DEMO_ACCOUNTS, DEMO_CLIENT, startGateway } from './index';

const DEFAULT_PORT = 8787;

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
  options: { port: { type: 'string' }, pace: { type: 'string' } },
});

const gateway = await startGateway({
  port: numberOption(values.port, 'port', DEFAULT_PORT),
  paceMs: numberOption(values.pace, 'pace', 0),
  log: true,
});

console.log(`Local AI Pass gateway: ${gateway.url}`);
console.log(`  OAuth metadata:      ${gateway.url}/.well-known/oauth-authorization-server`);
console.log(`  Demo client id:      ${DEMO_CLIENT.clientId}`);
console.log(`  Redirect URI:        ${DEMO_CLIENT.redirectUris.join(', ')}`);
for (const account of DEMO_ACCOUNTS) {
  console.log(`  Demo account:        ${account.email} / ${account.password}`);
}
console.log('Press Ctrl-C to stop.');

const stop = async () => {
  await gateway.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
