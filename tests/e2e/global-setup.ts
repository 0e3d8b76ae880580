import { buildExtension } from '../../dev/build-extension';
import { DEMO_CLIENT } from '../../dev/gateway';

/**
 * One build for the whole run. Its default server is loopback without a port: the host
 * permission `http://127.0.0.1/*` then covers every test gateway, whose exact URL each test
 * worker saves as the options page would.
 */
export default async function globalSetup(): Promise<void> {
  await buildExtension({
    mode: 'test',
    serverUrl: 'http://127.0.0.1',
    clientId: DEMO_CLIENT.clientId,
  });
}
