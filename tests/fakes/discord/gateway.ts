import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { GatewayOpcodes } from 'discord.js';
import { guildCreateJson, readyJson, type Json } from './payloads.ts';

type GatewayFrame = { op: number; d: unknown; s?: number | null; t?: string | null };

/**
 * Discord's gateway for one shard: HELLO, READY and GUILD_CREATE on
 * IDENTIFY, heartbeat acks, RESUME, dispatches on demand and op 7.
 */
export class FakeGateway {
  url = '';
  identifies = 0;
  /** What the bot last identified with (token, intents, properties). */
  lastIdentify: Json | null = null;
  resumes = 0;
  private readonly server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  private readonly events = new EventEmitter();
  private socket: WebSocket | null = null;
  private sessionId = '';
  private sequence = 0;

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.once('listening', () => resolve()));
    this.url = `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.server.on('connection', (socket) => this.accept(socket));
    return this.url;
  }

  async stop(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Sends an event (t) to the connected bot, as Discord does for anything that happens. */
  dispatch(type: string, data: unknown): void {
    if (!this.socket) throw new Error('no bot is connected to the fake gateway');
    this.sequence += 1;
    this.send(this.socket, { op: GatewayOpcodes.Dispatch, t: type, s: this.sequence, d: data });
  }

  /** Op 7: Discord asks the bot to reconnect and resume. Resolves once the bot has resumed. */
  async requestReconnect(): Promise<void> {
    if (!this.socket) throw new Error('no bot is connected to the fake gateway');
    const resumed = new Promise<void>((resolve) => this.events.once('resumed', resolve));
    this.send(this.socket, { op: GatewayOpcodes.Reconnect, d: null });
    await resumed;
  }

  private accept(socket: WebSocket): void {
    this.socket = socket;
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
    });
    socket.on('message', (data) => this.receive(socket, JSON.parse(String(data)) as GatewayFrame));
    this.send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: 45_000 } });
  }

  private receive(socket: WebSocket, frame: GatewayFrame): void {
    switch (frame.op) {
      case GatewayOpcodes.Heartbeat:
        this.send(socket, { op: GatewayOpcodes.HeartbeatAck, d: null });
        break;
      case GatewayOpcodes.Identify:
        this.identifies += 1;
        this.lastIdentify = frame.d as Json;
        this.sessionId = `session-${this.identifies}`;
        this.sequence = 0;
        this.dispatch('READY', readyJson(this.sessionId, this.url));
        this.dispatch('GUILD_CREATE', guildCreateJson());
        break;
      case GatewayOpcodes.Resume: {
        const resume = frame.d as Json;
        if (resume.session_id !== this.sessionId) {
          this.send(socket, { op: GatewayOpcodes.InvalidSession, d: false });
          break;
        }
        this.resumes += 1;
        this.dispatch('RESUMED', {});
        this.events.emit('resumed');
        break;
      }
      default:
        break;
    }
  }

  private send(socket: WebSocket, frame: GatewayFrame): void {
    socket.send(JSON.stringify({ s: null, t: null, ...frame }));
  }
}
