import { extname, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from './contentSecurityPolicy';

export const appScheme = 'app';
export const appHost = 'desk';
export const appOrigin = `${appScheme}://${appHost}`;

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export type AppPathResolution = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps an `app://desk/...` URL to a file under `rootDir`. Refuses other hosts, encoded separators,
 * NUL bytes and any path that resolves outside the root (`../`, `%2e%2e/`).
 */
export function resolveAppPath(rootDir: string, requestUrl: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return { ok: false, status: 403 };
  if (/%2f|%5c|%00/i.test(url.pathname)) return { ok: false, status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 403 };
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const filePath = resolve(root, relative);
  if (filePath !== root && !filePath.startsWith(root + sep)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

/** Builds the `protocol.handle('app', …)` handler; file reading is injected for tests. */
export function createAppRequestHandler(rootDir: string, readFile: (path: string) => Promise<Uint8Array>) {
  return async (request: Request): Promise<Response> => {
    const resolved = resolveAppPath(rootDir, request.url);
    if (!resolved.ok) return new Response(null, { status: resolved.status });
    let body: Uint8Array;
    try {
      body = await readFile(resolved.filePath);
    } catch {
      return new Response(null, { status: 404 });
    }
    return new Response(body as BodyInit, {
      status: 200,
      headers: {
        'Content-Type': mimeTypes[extname(resolved.filePath).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}
