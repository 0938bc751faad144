// Serves dist/ on 127.0.0.1 with the right MIME types (application/wasm included) and optional gzip.
// Used by the demo command, the browser tests and the benchmark; no dependency beyond Node.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

/**
 * routes: [{ prefix, directory }] maps URL prefixes to folders; headers(urlPath) adds response headers;
 * handler(request, response) may answer first (return true) for test-only routes.
 */
export function serve({ routes, port = 0, gzip = false, headers = () => ({}), handler = null } = {}) {
  const server = createServer(async (request, response) => {
    try {
      if (handler && (await handler(request, response))) return;
      const url = new URL(request.url, 'http://127.0.0.1');
      const urlPath = decodeURIComponent(url.pathname);
      const route = routes.find((candidate) => urlPath.startsWith(candidate.prefix));
      if (!route) return notFound(response);
      let file = path.join(route.directory, urlPath.slice(route.prefix.length));
      if (!file.startsWith(route.directory)) return notFound(response);
      if ((await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, 'index.html');
      let body = await readFile(file).catch(() => null);
      if (body === null) return notFound(response);
      const extra = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...headers(urlPath) };
      if (gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        body = await compressed(file, body);
        extra['Content-Encoding'] = 'gzip';
      }
      response.writeHead(200, { ...extra, 'Content-Length': body.length });
      response.end(body);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

// Each file is compressed once per content, as a host's cache would: compressing the benchmark's 2.5 MB
// generated dataset at level 9 on every request would add the server's time to the pages' first draws.
const gzipped = new Map();
async function compressed(file, body) {
  const key = `${file} ${(await stat(file)).mtimeMs} ${body.length}`;
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
  return gzipped.get(key);
}

function notFound(response) {
  response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const port = Number(process.env.PORT ?? 8080);
  const server = await serve({ routes: [{ prefix: '/', directory: root + path.sep }], port, gzip: true });
  console.log(`campaign-explainer demo: http://127.0.0.1:${server.address().port}/`);
  console.log('(Ctrl+C to stop)');
}
