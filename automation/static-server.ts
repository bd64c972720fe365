/**
 * A tiny static file server on 127.0.0.1 for end-to-end tests and the scan/start commands.
 * Pages must come over http (content scripts do not run on file: URLs by default), and tests need to set headers
 * (a strict Content-Security-Policy) and to see every request the page, the extension or the browser made.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The e2e fixture pages (also what the benches load), served by default. */
export const FIXTURES_DIR = fileURLToPath(new URL('../tests/e2e/fixtures/', import.meta.url));

interface StaticServerOptions {
  /** Folders to serve, searched in order; the first holding the file wins. Defaults to the e2e fixtures. */
  roots?: string[];
  /** Extra response headers by URL path, e.g. `{ '/csp-article.html': { 'Content-Security-Policy': "default-src 'none'" } }`. */
  headers?: Record<string, Record<string, string>>;
}

interface ServedRequest {
  method: string;
  /** The URL path without the query string. */
  path: string;
  status: number;
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** The absolute URL of a path on this server. */
  url(path: string): string;
  /** Every request answered so far, in order. */
  readonly requests: readonly ServedRequest[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const roots = (options.roots ?? [FIXTURES_DIR]).map((root) => resolve(root));
  const headerOverrides = options.headers ?? {};
  const requests: ServedRequest[] = [];

  const server = createServer((req, res) => {
    const path = requestPath(req);
    const status = answer(req, res, path, roots, headerOverrides[path ?? ''] ?? {});
    requests.push({ method: req.method ?? '?', path: path ?? req.url ?? '?', status });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: (path) => new URL(path, origin).href,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function requestPath(req: IncomingMessage): string | null {
  try {
    return decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    return null;
  }
}

/** Sends the response and returns its status. */
function answer(
  req: IncomingMessage,
  res: ServerResponse,
  path: string | null,
  roots: string[],
  extraHeaders: Record<string, string>,
): number {
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed');
  const file = path === null ? null : findFile(roots, path);
  // Browsers ask for /favicon.ico on their own; a 404 there shows up as a console error in Chromium.
  if (!file && path === '/favicon.ico') return plain(res, 204, '');
  if (!file) return plain(res, 404, 'not found');
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(statSync(file).size),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return 200;
}

/** The first root's file for the path, never outside a root. */
function findFile(roots: string[], path: string): string | null {
  for (const root of roots) {
    const file = resolve(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (file !== root && !file.startsWith(root + sep)) continue;
    try {
      if (statSync(file).isFile()) return file;
    } catch {
      // not in this root
    }
  }
  return null;
}

function plain(res: ServerResponse, status: number, text: string): number {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
  return status;
}
