import { type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A throwaway HTTP server on 127.0.0.1 with a random port, for the
 * diagnostics tests: they must never send traffic anywhere else. It records
 * what reached it so tests can assert that a refused check sent nothing.
 */

export type SeenRequest = { method: string; path: string; headers: IncomingHttpHeaders };

export type TestServer = {
  port: number;
  /** `http://127.0.0.1:<port><path>` */
  url(path?: string): string;
  requests: SeenRequest[];
  /** TCP connections accepted, including ones that never sent a request. */
  connections(): number;
  close(): Promise<void>;
};

export type TestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  let connections = 0;
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    handler(req, res);
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port that was just free: listen, note the port, close. Connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = await startTestServer(() => undefined);
  await server.close();
  return server.port;
}
