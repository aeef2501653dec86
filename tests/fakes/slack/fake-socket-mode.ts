import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FakeSlackApi } from './fake-slack-api.ts';

/**
 * Slack's Socket Mode end, locally: apps.connections.open on the fake Web API
 * hands out this ws:// URL; we greet with `hello`, push envelopes and collect
 * the client's acks (`{ envelope_id }`).
 */
export class FakeSocketMode {
  private server: WebSocketServer | undefined;
  private socket: WebSocket | undefined;
  private readonly acked = new Set<string>();
  private envelopes = 0;

  async start(api: FakeSlackApi): Promise<this> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(this.server, 'listening');
    api.socketModeUrl = `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
    this.server.on('connection', (socket) => {
      this.socket = socket;
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: string };
        if (message.envelope_id) this.acked.add(message.envelope_id);
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A1' } }));
    });
    return this;
  }

  /** Sends an Events API envelope and resolves with its id once the app has acked it. */
  async deliverEvent(payload: Record<string, unknown>, timeoutMs = 5_000): Promise<string> {
    const socket = await this.connectedSocket(timeoutMs);
    this.envelopes += 1;
    const envelopeId = `env-${this.envelopes}`;
    socket.send(JSON.stringify({ envelope_id: envelopeId, type: 'events_api', payload, accepts_response_payload: false, retry_attempt: 0, retry_reason: '' }));
    await this.until(() => this.acked.has(envelopeId), `an ack for ${envelopeId}`, timeoutMs);
    return envelopeId;
  }

  async close(): Promise<void> {
    for (const client of this.server?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async connectedSocket(timeoutMs: number): Promise<WebSocket> {
    await this.until(() => this.socket !== undefined, 'the app to connect', timeoutMs);
    return this.socket as WebSocket;
  }

  private async until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
