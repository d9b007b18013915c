/**
 * `npx tsx test/tools/jpxScanFixture.ts`: regenerates test/fixtures/scan-page.jp2, the JPEG 2000 image that
 * test/e2e/scanThumbnails.e2e.ts wraps in a PDF the way counter scanners do (an image XObject with
 * /JPXDecode). The page is drawn here as a PPM (cream paper, a red frame, dark bars for lines of text, the
 * same page as the test's PNG scan) and compressed by OpenJPEG's `opj_compress` (Debian: libopenjp2-tools),
 * lossy at 1:30 as scanners save it. The result is committed, so the tests themselves need no encoder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** An A4 page at 30 dpi: small enough to commit, larger than the 240 px thumbnail drawn from it. */
export const jpxScanSize = { width: 248, height: 351 } as const;
export const jpxScanFixturePath = resolve(__dirname, '../fixtures/scan-page.jp2');

type Rgb = readonly [number, number, number];

function drawPage(): Buffer {
  const { width, height } = jpxScanSize;
  const header = Buffer.from(`P6\n${width} ${height}\n255\n`, 'ascii');
  const pixels = Buffer.alloc(width * height * 3);
  const fill = (x0: number, y0: number, x1: number, y1: number, [r, g, b]: Rgb) => {
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) pixels.set([r, g, b], (y * width + x) * 3);
    }
  };
  fill(0, 0, width, height, [0xfd, 0xfc, 0xf7]);
  // The frame: 6 px of red, 12 px in from the edge.
  const red: Rgb = [0xbb, 0x22, 0x22];
  fill(12, 12, width - 12, 18, red);
  fill(12, height - 18, width - 12, height - 12, red);
  fill(12, 12, 18, height - 12, red);
  fill(width - 18, 12, width - 12, height - 12, red);
  // A title bar and fourteen lines of text, of three lengths, as the PNG scan has.
  const ink: Rgb = [0x22, 0x22, 0x22];
  fill(68, 40, 180, 56, ink);
  for (let line = 0; line < 14; line++) {
    const y = 88 + line * 16;
    fill(32, y, 32 + 184 - (line % 3) * 24, y + 4, ink);
  }
  return Buffer.concat([header, pixels]);
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'jpx-fixture-'));
  try {
    const ppm = join(work, 'page.ppm');
    writeFileSync(ppm, drawPage());
    execFileSync('opj_compress', ['-i', ppm, '-o', jpxScanFixturePath, '-r', '30'], { stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`${jpxScanFixturePath}: ${statSync(jpxScanFixturePath).size} bytes`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) main();
