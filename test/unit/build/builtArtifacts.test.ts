import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { Script } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { metaContentSecurityPolicy } from '../../../electron/main/security/contentSecurityPolicy';
import { mainWiringSpecs, type FakeElectron } from '../electron/main/fakeElectron';
import { deskApiNames } from '../../fixtures/deskApi';

const out = resolve(__dirname, '../../../out');

beforeAll(() => {
  if (!existsSync(resolve(out, 'main/index.js'))) throw new Error('out/ is missing: run `npm run build` before these tests');
});

describe('built preload', () => {
  it('is a single CommonJS file', () => {
    expect(readdirSync(resolve(out, 'preload'))).toEqual(['index.cjs']);
  });

  it('requires only electron', () => {
    const source = readFileSync(resolve(out, 'preload/index.cjs'), 'utf8');
    const required = [...source.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(source).not.toMatch(/\bimport\s*\(|^\s*import\s|^\s*export\s/m);
  });

  it('runs in a sandbox-like scope and exposes exactly the contract as window.desk', () => {
    const source = readFileSync(resolve(out, 'preload/index.cjs'), 'utf8');
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
      ipcRenderer: { invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: null })) },
    };
    const requireStub = (id: string) => {
      if (id !== 'electron') throw new Error(`preload required ${id}`);
      return electron;
    };
    new Script(`(function (require, module, exports) {${source}\n})`).runInNewContext({})(requireStub, { exports: {} }, {});
    const desk = exposed['desk'] as Record<string, (input?: unknown) => Promise<unknown>>;
    expect(Object.keys(exposed)).toEqual(['desk']);
    expect(Object.keys(desk).sort()).toEqual(deskApiNames);
    void (desk['openExternal'] as (...args: unknown[]) => Promise<unknown>)({ url: 'https://www.gov.cn/' }, 'smuggled');
    expect(invoked).toEqual([['desk:open-external', { url: 'https://www.gov.cn/' }]]);
  });
});

describe('built main process', () => {
  const main = () => readFileSync(resolve(out, 'main/index.js'), 'utf8');

  it('creates windows with the secure webPreferences', () => {
    const source = main();
    for (const [key, value] of Object.entries({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })) {
      expect(source).toMatch(new RegExp(`\\b${key}:\\s*${value}\\b`));
      expect(source).not.toMatch(new RegExp(`\\b${key}:\\s*${!value}\\b`));
    }
  });

  it('requires pdf-to-printer from node_modules rather than bundling it, so it finds the SumatraPDF beside it', () => {
    const source = main();
    expect(source).toMatch(/require\(["']pdf-to-printer["']\)/);
    // The package's own code (its SumatraPDF command line) must not have been inlined into out/main.
    expect(source).not.toContain('-print-to');
  });

  it('loads the renderer from app:// and never from file://', () => {
    const source = main();
    expect(source).toContain('registerSchemesAsPrivileged');
    expect(source).toContain('protocol.handle');
    expect(source).not.toMatch(/loadFile\(|file:\/\//);
  });
});

/** Runs out/main/index.js as Node would load it, with `fake` answering `require('electron')`. */
async function runBuiltMain(fake: FakeElectron) {
  const file = resolve(out, 'main/index.js');
  const requireFromOut = createRequire(file);
  const requireWithFake = (id: string) => (id === 'electron' ? fake.electron : requireFromOut(id));
  const module = { exports: {} };
  const wrapped = new Script(`(function (require, module, exports, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, { filename: file });
  wrapped.runInThisContext()(requireWithFake, module, module.exports, file, dirname(file));
}

describe('built main process, run with Electron injected', () => {
  mainWiringSpecs(runBuiltMain);
});

describe('built renderer', () => {
  it('carries the CSP in index.html and has no inline script', () => {
    const html = readFileSync(resolve(out, 'renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#39;', "'");
    expect(meta).toBe(metaContentSecurityPolicy);
    for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(script[1]).toMatch(/\bsrc=/);
      expect(script[2]!.trim()).toBe('');
    }
  });

  it('starts opening the database with a classic script that runs before the app module and creates nothing', () => {
    const html = readFileSync(resolve(out, 'renderer/index.html'), 'utf8');
    const sources = [...html.matchAll(/<script\b([^>]*)>/g)].map((script) => script[1]!);
    expect(sources[0]).toMatch(/^ src="\.\/open-storage-early\.js"$/);
    expect(sources[1]).toMatch(/type="module"/);
    const early = readFileSync(resolve(out, 'renderer/open-storage-early.js'), 'utf8');
    expect(early).toContain('indexedDB.databases()');
    expect(early).not.toMatch(/indexedDB\.open\b/);
  });

  it('ships the documents’ fallback font as a file of its own, byte for byte, for the worker to fetch only when a document needs it', () => {
    const assets = readdirSync(resolve(out, 'renderer/assets'));
    const fallback = assets.filter((name) => /^HanaMinB-[\w-]+\.ttf$/.test(name));
    expect(fallback).toHaveLength(1);
    expect(readFileSync(resolve(out, 'renderer/assets', fallback[0]!)).equals(readFileSync(resolve(__dirname, '../../../resources/fonts/HanaMinB.ttf')))).toBe(true);
  });
});
