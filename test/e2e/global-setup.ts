import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { assertChromium } from './chromium';

export default function globalSetup(): void {
  assertChromium();
  if (!existsSync(resolve(__dirname, '../../out/renderer/index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` before the end-to-end tests.');
  }
}
