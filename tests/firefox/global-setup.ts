import { buildExtension } from '../../dev/build-extension';
import { DEMO_CLIENT } from '../../dev/gateway';

/**
 * One Firefox test build for the run. Its default server is loopback without a port, which in
 * Firefox's port-less pattern `http://127.0.0.1/*` covers every test gateway and test site.
 */
export default async function globalSetup(): Promise<void> {
  await buildExtension({
    mode: 'test',
    browser: 'firefox',
    serverUrl: 'http://127.0.0.1',
    clientId: DEMO_CLIENT.clientId,
  });
}
