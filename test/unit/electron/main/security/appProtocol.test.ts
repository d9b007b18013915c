import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppRequestHandler, resolveAppPath } from '../../../../../electron/main/security/appProtocol';
import { contentSecurityPolicy } from '../../../../../electron/main/security/contentSecurityPolicy';

const root = '/srv/renderer';

describe('resolveAppPath', () => {
  it('serves index.html for the root', () => {
    expect(resolveAppPath(root, 'app://desk/')).toEqual({ ok: true, filePath: '/srv/renderer/index.html' });
  });

  it('maps an asset path under the root', () => {
    expect(resolveAppPath(root, 'app://desk/assets/index.js')).toEqual({ ok: true, filePath: '/srv/renderer/assets/index.js' });
  });

  it.each([
    ['a plain ../', 'app://desk/../secret.txt'],
    ['an encoded ../', 'app://desk/%2e%2e/%2e%2e/etc/passwd'],
    ['an encoded slash', 'app://desk/assets%2f..%2f..%2fetc%2fpasswd'],
    ['a backslash', 'app://desk/assets/..%5c..%5cetc'],
    ['a NUL byte', 'app://desk/index.html%00.png'],
  ])('refuses %s', (_label, url) => {
    const result = resolveAppPath(root, url);
    if (result.ok) expect(result.filePath.startsWith(`${root}/`)).toBe(true);
    else expect(result.status).toBe(403);
  });

  it('never resolves outside the root, whatever the URL parser normalises', () => {
    for (const url of ['app://desk/../../etc/passwd', 'app://desk/a/../../../etc/passwd', 'app://desk//etc/passwd']) {
      const result = resolveAppPath(root, url);
      expect(!result.ok || result.filePath.startsWith(`${root}/`)).toBe(true);
    }
  });

  it('refuses another host', () => {
    expect(resolveAppPath(root, 'app://evil/index.html')).toEqual({ ok: false, status: 403 });
  });

  it('refuses another scheme', () => {
    expect(resolveAppPath(root, 'file:///srv/renderer/index.html')).toEqual({ ok: false, status: 403 });
  });

  it('refuses a malformed escape', () => {
    expect(resolveAppPath(root, 'app://desk/%E0%A4%A')).toEqual({ ok: false, status: 400 });
  });
});

describe('app:// request handler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'app-protocol-'));
  mkdirSync(join(dir, 'web'));
  writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>一窗通</title>');
  writeFileSync(join(dir, 'secret.txt'), 'token');
  const handle = createAppRequestHandler(join(dir, 'web'), (path) => readFile(path));

  it('answers with the file, its type and the CSP header', async () => {
    const response = await handle(new Request('app://desk/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).toContain('一窗通');
  });

  it.each(['app://desk/%2e%2e/secret.txt', 'app://desk/../secret.txt', 'app://desk/..%2fsecret.txt', 'app://desk/..%5csecret.txt'])(
    'never serves the file beside the root through %s',
    async (url) => {
      const response = await handle(new Request(url));
      expect(response.status).not.toBe(200);
      expect(await response.text()).not.toContain('token');
    },
  );

  it('answers 404 for a missing file', async () => {
    expect((await handle(new Request('app://desk/nope.js'))).status).toBe(404);
  });
});

describe('content security policy', () => {
  it('allows scripts only from our own origin and never eval (WebAssembly compilation only)', () => {
    const scriptSources = /script-src ([^;]+)/.exec(contentSecurityPolicy)?.[1]?.split(' ');
    expect(scriptSources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
  });
});
