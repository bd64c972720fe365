/**
 * A recording HTTP proxy for the zero-network test, and the filter for browser-internal error lines.
 *
 * Why a proxy: the browser is told to send every request through it, loopback included (harness `proxy` option), so
 * it sees requests from every context the extension has (content scripts, the service worker or background page,
 * extension pages) in both browsers, through the browser's one network stack. Per-page automation events cannot
 * promise that: playwright's context events and CDP miss some extension contexts, and Firefox's BiDi reports nothing
 * from extension pages or the background page (bug 1755014). The proxy forwards only to the fixture server and
 * refuses everything else, so a leak is recorded and never leaves the machine.
 *
 * What it does not see: traffic that bypasses proxies (WebRTC's UDP). The extension's bundles are checked for such
 * APIs statically in privacy.test.ts.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** The absolute URL asked for, or `host:port` for a CONNECT tunnel (HTTPS, WebSocket over TLS). */
  url: string;
  /** Forwarded to the fixture server (true) or refused (false). */
  forwarded: boolean;
}

export interface RecordingProxy {
  /** `127.0.0.1:PORT`, for the harness's `proxy` option. */
  readonly address: string;
  readonly requests: readonly ProxiedRequest[];
  close(): Promise<void>;
}

/** Starts the proxy; requests for `allowOrigin` (the fixture server) are forwarded, everything else answered 403. */
export async function startRecordingProxy(allowOrigin: string): Promise<RecordingProxy> {
  const allowed = new URL(allowOrigin);
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const server: Server = createServer((req, res) => {
    const url = req.url ?? '';
    let target: URL | null = null;
    try {
      target = new URL(url);
    } catch {
      // Not an absolute URL: a client talking to the proxy as if it were a server.
    }
    const forward = target !== null && target.origin === allowed.origin;
    requests.push({ method: req.method ?? '?', url, forwarded: forward });
    if (!forward) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('blocked by the privacy test proxy');
      return;
    }
    const upstream = httpRequest(
      {
        host: allowed.hostname,
        port: allowed.port,
        method: req.method,
        path: target!.pathname + target!.search,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  // CONNECT (HTTPS, wss:): recorded and refused; nothing in these tests needs a tunnel.
  server.on('connect', (req, socket: Socket) => {
    requests.push({ method: 'CONNECT', url: req.url ?? '', forwarded: false });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

/**
 * Error lines that come from the browser itself, not from pages or the extension: Firefox prints its own
 * console.error calls to the same output the harness reads (Remote Settings failing to load its dumps, offline), and
 * Chromium's PDF viewer asks the server for a favicon the fixtures do not have.
 */
const BROWSER_INTERNAL = [/^\[console\.error\] RSLoader:/, /\/favicon\.ico: Failed to load resource/];

export function browserNoise(errors: readonly string[]): string[] {
  return errors.filter((line) => !BROWSER_INTERNAL.some((pattern) => pattern.test(line)));
}
