import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSecureContext } from 'node:tls';
import { afterEach, expect, it } from 'vitest';
import { TEST_TLS_CERT, TEST_TLS_KEY } from './test-tls-fixture.ts';
import { checkUrl } from './url-check.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

it('reports an untrusted certificate as a TLS problem, having sent the hostname (SNI) to the pinned address', async () => {
  const serverNames: string[] = [];
  const context = createSecureContext({ key: TEST_TLS_KEY, cert: TEST_TLS_CERT });
  server = createServer(
    {
      key: TEST_TLS_KEY,
      cert: TEST_TLS_CERT,
      SNICallback: (name, done) => {
        serverNames.push(name);
        done(null, context);
      },
    },
    (req, res) => res.end('should not be reached'),
  );
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const lookup = async () => [{ address: '127.0.0.1', family: 4 }];

  const result = await checkUrl(`https://shop.example.test:${port}/`, { allowPrivateAddresses: true, lookup });

  expect(result).toMatchObject({ ok: false, problem: 'tls-error' });
  expect(result.message).toMatch(/failed the TLS \(HTTPS\) handshake: self[- ]signed certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\)\.$/);
  expect(serverNames).toEqual(['shop.example.test']);
});
