import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The document page the fake camera films, in pixels of its frame. */
export const fakeCameraFrame = { width: 360, height: 480, paper: { x: 30, y: 24, width: 300, height: 432 } } as const;

type Yuv = readonly [number, number, number];
// BT.601 full-range values, as Y4M's C420jpeg reads them.
const table: Yuv = [58, 128, 128];
const paper: Yuv = [236, 126, 130];
const red: Yuv = [82, 90, 230];
const ink: Yuv = [32, 128, 128];

/**
 * A one-frame Y4M (YUV4MPEG2, 4:2:0) of a document on a dark desk: cream paper with a red frame, a thick
 * title bar at the top left and lines of text as bars, so the top of the page and its turn show in a render.
 * Chromium's fake camera (--use-file-for-fake-video-capture) loops it; written without ffmpeg.
 */
export function documentY4m(): Buffer {
  const { width, height, paper: sheet } = fakeCameraFrame;
  const colourAt = (x: number, y: number): Yuv => {
    const inSheet = x >= sheet.x && x < sheet.x + sheet.width && y >= sheet.y && y < sheet.y + sheet.height;
    if (!inSheet) return table;
    const dx = x - sheet.x;
    const dy = y - sheet.y;
    if (dx < 8 || dy < 8 || dx >= sheet.width - 8 || dy >= sheet.height - 8) return red;
    if (dy >= 30 && dy < 54 && dx >= 30 && dx < 170) return ink; // the title, top left
    for (let line = 0; line < 12; line += 1) {
      const top = 90 + line * 26;
      if (dy >= top && dy < top + 6 && dx >= 30 && dx < sheet.width - 30 - (line % 3) * 40) return ink;
    }
    return paper;
  };
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc((width / 2) * (height / 2));
  for (let row = 0; row < height; row += 1) for (let col = 0; col < width; col += 1) y[row * width + col] = colourAt(col, row)[0];
  for (let row = 0; row < height / 2; row += 1) {
    for (let col = 0; col < width / 2; col += 1) {
      const [, cb, cr] = colourAt(col * 2, row * 2);
      u[row * (width / 2) + col] = cb;
      v[row * (width / 2) + col] = cr;
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`, 'latin1');
  return Buffer.concat([header, Buffer.from('FRAME\n', 'latin1'), y, u, v]);
}

/** Writes the document's Y4M once per process (the browser reads it at launch) and returns its path. */
export function documentY4mFile(): string {
  const dir = join(tmpdir(), `yct-fake-camera-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'document.y4m');
  writeFileSync(path, documentY4m());
  return path;
}

/** Chromium's fake camera, showing the document, with the permission prompt answered yes. */
export function fakeCameraArgs(): string[] {
  return ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${documentY4mFile()}`, '--use-fake-ui-for-media-stream'];
}
