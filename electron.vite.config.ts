import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { metaContentSecurityPolicy } from './electron/main/security/contentSecurityPolicy';

/** Writes the CSP into the built index.html (not in dev, where Vite's HMR needs inline scripts). */
const cspMeta: Plugin = {
  name: 'desk-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy }, injectTo: 'head-prepend' },
  ],
};

/**
 * pdf.js fetches some of its data by file name at run time, so the bundler cannot see it: the WebAssembly
 * decoders of JPEG 2000 and JBIG2 scans (and of ICC colour), the Adobe CMaps of text whose font the PDF
 * does not embed, the standard 14 fonts, and the CMYK profile. They are copied, with their licences, under
 * `pdfjs/` beside index.html (documents/pdfjs.ts points pdf.js there) and served by app:// from our own
 * origin, which the CSP's 'self' covers. All CMaps are kept: pdf.js asks for them by the name a PDF gives.
 * openjpeg's asm.js fallback is left out: WebAssembly is allowed ('wasm-unsafe-eval'), so it is never used.
 */
const pdfjsDist = resolve(__dirname, 'node_modules/pdfjs-dist');
const pdfjsAssetDirs: Record<string, RegExp> = {
  wasm: /^(jbig2\.wasm|openjpeg\.wasm|qcms_bg\.wasm|LICENSE_\w+)$/,
  cmaps: /^([\w-]+\.bcmap|LICENSE)$/,
  standard_fonts: /^([\w-]+\.(pfb|ttf)|LICENSE_\w+)$/,
  iccs: /^([\w-]+\.icc|LICENSE)$/,
};

/** The files copied, as paths relative to pdfjs-dist (and to `pdfjs/` in the build). */
function pdfjsAssetFiles(): string[] {
  return Object.entries(pdfjsAssetDirs).flatMap(([dir, pattern]) =>
    readdirSync(join(pdfjsDist, dir))
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => `${dir}/${name}`),
  );
}

const pdfjsAssets: Plugin = {
  name: 'desk-pdfjs-assets',
  configureServer(server) {
    const files = new Set(pdfjsAssetFiles());
    server.middlewares.use('/pdfjs/', (request, response, next) => {
      // Only the listed files (plain ASCII names): the path is looked up, never joined onto the disk as given.
      const file = (request.url ?? '').split('?')[0]!.replace(/^\/+/, '');
      if (!files.has(file)) return next();
      response.setHeader('Content-Type', file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
      response.end(readFileSync(join(pdfjsDist, file)));
    });
  },
  generateBundle() {
    for (const file of pdfjsAssetFiles()) this.emitFile({ type: 'asset', fileName: `pdfjs/${file}`, source: readFileSync(join(pdfjsDist, file)) });
  },
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    // The sandboxed preload may require only `electron`: bundle everything else into one CommonJS file.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), cspMeta, pdfjsAssets],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default: 3.5 MB of script the desk parses at every start.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
