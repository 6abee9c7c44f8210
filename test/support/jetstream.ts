// A local Jetstream (protocol v1) on 127.0.0.1 for the stream source's tests: WebSocket on
// /subscribe, `wantedCollections` (commit events of other collections are left out; identity
// and account events arrive regardless), `cursor` in unix microseconds (replay from it, then
// live), events as Jetstream sends them (`did`, `time_us`, `kind`, and `commit` with `rev`,
// `operation`, `collection`, `rkey`, `record`, `cid`). It can drop every connection, send a
// raw (malformed) frame, and says who connected with which cursor. `compress=true` (zstd) is
// refused, as the consumer does not ask for it.
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

export interface JetstreamEvent {
  did: string;
  time_us: number;
  kind: 'commit' | 'identity' | 'account';
  commit?: { rev: string; operation: 'create' | 'update' | 'delete'; collection: string; rkey: string; record?: unknown; cid?: string };
  identity?: unknown;
  account?: unknown;
}

export interface FakeJetstream {
  url: string;
  /** Appends an event (or a raw frame) to the log and sends it to whoever is connected. */
  emit(event: JetstreamEvent | { raw: string; time_us: number }): void;
  /** Closes every connection abruptly, as a network drop does. */
  drop(): void;
  connections: { cursor: number | null; collections: string[] }[];
  open(): number;
  close(): Promise<void>;
}

export interface GeneratedReplay {
  /** How many frames to send to the first connection, as fast as it reads them. */
  count: number;
  frame(i: number): string;
}

export async function startFakeJetstream(opts: { generate?: GeneratedReplay } = {}): Promise<FakeJetstream> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/subscribe' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const log: (JetstreamEvent | { raw: string; time_us: number })[] = [];
  const clients = new Map<WebSocket, { collections: string[] }>();
  const connections: FakeJetstream['connections'] = [];
  const wanted = (e: JetstreamEvent | { raw: string }, collections: string[]) =>
    'raw' in e || e.kind !== 'commit' || collections.length === 0 || collections.includes(e.commit!.collection);
  const frame = (e: JetstreamEvent | { raw: string }) => ('raw' in e ? e.raw : JSON.stringify(e));

  wss.on('connection', (ws, req) => {
    const q = new URL(req.url ?? '/', 'ws://x').searchParams;
    if (q.get('compress') === 'true') {
      ws.close(1003, 'compress not supported here');
      return;
    }
    const collections = q.getAll('wantedCollections');
    const cursorText = q.get('cursor');
    const cursor = cursorText !== null && /^\d+$/.test(cursorText) ? Number(cursorText) : null;
    connections.push({ cursor, collections });
    clients.set(ws, { collections });
    ws.on('close', () => clients.delete(ws));
    // Without a cursor: live only; with one: everything from that time on, then live.
    if (cursor !== null) for (const e of log) if (e.time_us >= cursor && wanted(e, collections)) ws.send(frame(e));
    if (opts.generate) void pour(ws, opts.generate);
  });

  /** Generated frames as fast as the reader takes them: the socket's buffer sets the pace. */
  async function pour(ws: WebSocket, g: GeneratedReplay) {
    for (let i = 0; i < g.count && ws.readyState === ws.OPEN;) {
      if (ws.bufferedAmount > 4 * 2 ** 20) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      for (const end = Math.min(g.count, i + 500); i < end; i++) ws.send(g.frame(i));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/subscribe`,
    emit(event) {
      log.push(event);
      for (const [ws, c] of clients) if (wanted(event, c.collections)) ws.send(frame(event));
    },
    drop() {
      for (const ws of clients.keys()) ws.terminate();
    },
    connections,
    open: () => clients.size,
    async close() {
      for (const ws of clients.keys()) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
