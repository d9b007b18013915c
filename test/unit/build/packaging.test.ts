import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const config = JSON.parse(readFileSync(resolve(__dirname, '../../../electron-builder.json'), 'utf8')) as {
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
};

describe('packaged build (electron-builder.json)', () => {
  it('flips every fuse to its locked-down position', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships only the built app, inside an asar archive', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['out/**', 'package.json']);
  });

  it('unpacks exactly the SumatraPDF that Windows printing runs, which Windows cannot start from inside the asar', () => {
    expect(config.asarUnpack).toEqual(['node_modules/pdf-to-printer/dist/*.exe']);
    // pdf-to-printer runs the exe beside its own bundle.js, rewriting app.asar to app.asar.unpacked.
    const unpacked = readdirSync(resolve(__dirname, '../../../node_modules/pdf-to-printer/dist')).filter((name) => name.endsWith('.exe'));
    expect(unpacked).toEqual([expect.stringMatching(/^SumatraPDF.*\.exe$/)]);
  });

  it('carries the licence of the fallback font beside the program (the font itself is a renderer asset)', () => {
    expect(config.extraResources).toEqual([{ from: 'resources/fonts/HanaMinB-LICENSE.txt', to: 'fonts/HanaMinB-LICENSE.txt' }]);
    expect(readFileSync(resolve(__dirname, '../../../resources/fonts/HanaMinB-LICENSE.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
  });
});
