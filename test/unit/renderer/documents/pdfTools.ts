import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs poppler's command-line tools on PDF bytes written to a private temporary directory. */
export class PdfTools {
  private constructor(private readonly dir: string) {}

  static async create(): Promise<PdfTools> {
    return new PdfTools(await mkdtemp(join(tmpdir(), 'documents-test-')));
  }

  private counter = 0;

  private async write(bytes: Uint8Array): Promise<string> {
    this.counter += 1;
    const path = join(this.dir, `document-${this.counter}.pdf`);
    await writeFile(path, bytes);
    return path;
  }

  /** `pdffonts` rows: name, type, encoding, embedded, subset, unicode map. */
  async fonts(bytes: Uint8Array): Promise<{ name: string; type: string; emb: string; sub: string; uni: string }[]> {
    const { stdout } = await run('pdffonts', [await this.write(bytes)]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const columns = line.trim().split(/\s+/);
        // name type… encoding emb sub uni object-id generation: read the fixed tail from the right.
        const [emb, sub, uni] = columns.slice(-5, -2) as [string, string, string];
        return { name: columns[0]!, type: columns.slice(1, -6).join(' '), emb, sub, uni };
      });
  }

  /** The text in drawing order (`pdftotext -raw`, so table cells do not interleave), white space removed so wrapped lines still match. */
  async text(bytes: Uint8Array, page?: number): Promise<string> {
    const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
    const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', ...pages, await this.write(bytes), '-']);
    return stdout.replace(/\s+/g, '');
  }

  /** Words with their boxes in PDF points from the page's top-left, from `pdftotext -bbox`. */
  async words(bytes: Uint8Array): Promise<{ word: string; xMin: number; yMin: number; xMax: number; yMax: number }[]> {
    const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', await this.write(bytes), '-']);
    return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
      xMin: Number(match[1]),
      yMin: Number(match[2]),
      xMax: Number(match[3]),
      yMax: Number(match[4]),
      word: match[5]!,
    }));
  }

  /** Page 1 rendered to 8-bit grey at `dpi` (`pdftoppm -gray`), as rows of pixels. */
  async greyImage(bytes: Uint8Array, dpi: number): Promise<{ width: number; height: number; pixel(x: number, y: number): number }> {
    const path = await this.write(bytes);
    await run('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', path, path]);
    const image = await readFile(`${path}.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(image.subarray(0, 32).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not write a binary PGM');
    const [width, height] = [Number(header[1]), Number(header[2])];
    const offset = header[0].length;
    return { width, height, pixel: (x, y) => image[offset + y * width + x]! };
  }

  /** Page count and size from `pdfinfo`. */
  async info(bytes: Uint8Array): Promise<{ pages: number; widthPt: number; heightPt: number }> {
    const { stdout } = await run('pdfinfo', [await this.write(bytes)]);
    const pages = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout);
    return { pages, widthPt: Number(size?.[1]), heightPt: Number(size?.[2]) };
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
