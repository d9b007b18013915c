import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { createPdfEngine, type PdfEngine } from '../../../renderer/src/documents/engine';
import { nodeAssetPaths, nodeFontSource } from '../../../renderer/src/documents/fonts/nodeFontSource';
import { generateDocument } from '../../../renderer/src/documents/generateDocument';
import { licenceFieldNames, licenceLayouts } from '../../../renderer/src/documents/layout/licenceLayout';
import { documentMessages } from '../../../renderer/src/documents/messages';
import { breakLines } from '../../../renderer/src/documents/pdf/textFitting';
import { mmToPt, ptToMm } from '../../../renderer/src/documents/pdf/units';
import type { DocumentKind, DocumentRequestInput } from '../../../renderer/src/documents/schemas';
import { licenceFieldValues } from '../../../renderer/src/documents/templates/licence';
import { demoLicence, demoRequests } from '../../tools/demoDocuments';
import { launchChromium } from '../browser';
import { anchorOf, summarise } from '../stats';
import type { BenchResult, BenchSuite } from '../types';

const COLD_RUNS = 5;
const WARM_RUNS = 100;
const WARM_UP = 10;
const BATCHES = 5;
const BATCH_SIZE = 100;
const PDF_LIB_RUNS = 15;
const CHROMIUM_RUNS = 15;

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** First document in a fresh process: engine creation (fonts read and opened, subsetter compiled) plus the document. */
async function coldSamples(kind: DocumentKind): Promise<number[]> {
  const child = fileURLToPath(new URL('./pdfColdStart.ts', import.meta.url));
  const samples: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, kind]);
    samples.push((JSON.parse(stdout) as { ms: number }).ms);
  }
  return samples;
}

async function sample(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await time(work));
  return samples;
}

/** A hundred different licensees, so a batch is a day's real variety rather than one document repeated. */
function batchLicence(i: number): DocumentRequestInput {
  const surnames = '王李张刘陈杨黄赵吴周';
  const given = ['明远', '晓雯', '海涛', '芳', '建国', '思源', '子涵', '一帆', '嘉怡', '浩然'];
  return {
    ...demoRequests.licenceOriginal,
    licence: { ...demoLicence, legalRepresentative: `${surnames[i % 10]}${given[Math.floor(i / 10) % 10]}`, name: `四川宇顺智联科技有限公司第${i + 1}分公司` },
  };
}

/** Anchor 1: pdf-lib's own path — fontkit parses both full fonts and subsets them — for the same licence text. */
async function pdfLibLicence(serifBytes: Uint8Array, sansBytes: Uint8Array): Promise<Uint8Array> {
  const layout = licenceLayouts.original;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts = { serif: await doc.embedFont(serifBytes, { subset: true }), sans: await doc.embedFont(sansBytes, { subset: true }) };
  const page = doc.addPage([mmToPt(layout.paper.widthMm), mmToPt(layout.paper.heightMm)]);
  const values = licenceFieldValues(demoRequests.licenceOriginal.licence as Parameters<typeof licenceFieldValues>[0]);
  for (const field of licenceFieldNames) {
    const box = layout.fields[field];
    const font = fonts[box.font];
    const measure = (text: string, sizePt: number) => ptToMm(font.widthOfTextAtSize(text, sizePt));
    breakLines(values[field], box.w, box.size, measure).forEach((line, i) => {
      const baselineMm = box.y + ptToMm(box.size) * (0.88 + i * box.lineHeight);
      page.drawText(line, { x: mmToPt(box.x), y: mmToPt(layout.paper.heightMm - baselineMm), size: box.size, font });
    });
  }
  const { modules } = QRCode.create(demoLicence.qrText, { errorCorrectionLevel: 'M' });
  const moduleMm = layout.qr.size / (modules.size + 8);
  for (let row = 0; row < modules.size; row++) {
    // One rectangle per run of dark modules, as our engine draws it.
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const start = col;
      while (col + 1 < modules.size && modules.get(row, col + 1)) col++;
      const x = layout.qr.x + (start + 4) * moduleMm;
      const bottom = layout.qr.y + (row + 5) * moduleMm;
      const width = (col - start + 1) * moduleMm;
      page.drawRectangle({ x: mmToPt(x), y: mmToPt(layout.paper.heightMm - bottom), width: mmToPt(width), height: mmToPt(moduleMm), color: rgb(0, 0, 0) });
    }
  }
  return doc.save();
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

function fontFaces(origin: string): string {
  return `@font-face{font-family:NotoSerifSC;src:url(${origin}/serif.ttf)}@font-face{font-family:NotoSansSC;src:url(${origin}/sans.ttf)}`;
}

/** Anchor 2 content: the same licence fields at the same mm boxes, as HTML for Chromium to print. */
async function licenceHtml(origin: string): Promise<string> {
  const layout = licenceLayouts.original;
  const values = licenceFieldValues(demoRequests.licenceOriginal.licence as Parameters<typeof licenceFieldValues>[0]);
  const boxes = licenceFieldNames.map((field) => {
    const box = layout.fields[field];
    const family = box.font === 'serif' ? 'NotoSerifSC' : 'NotoSansSC';
    return `<div style="position:absolute;left:${box.x}mm;top:${box.y}mm;width:${box.w}mm;height:${box.h}mm;font:${box.size}pt/${box.lineHeight} ${family};text-align:${box.align};overflow:hidden">${escapeHtml(values[field])}</div>`;
  });
  const qr = await QRCode.toString(demoLicence.qrText, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return `<!doctype html><meta charset="utf-8"><style>${fontFaces(origin)}@page{size:${layout.paper.widthMm}mm ${layout.paper.heightMm}mm;margin:0}body{margin:0}</style>${boxes.join('')}<div style="position:absolute;left:${layout.qr.x}mm;top:${layout.qr.y}mm;width:${layout.qr.size}mm;height:${layout.qr.size}mm">${qr}</div>`;
}

/** The receipt's content as an HTML page: the same title, facts, tables and notes. */
async function receiptHtml(origin: string): Promise<string> {
  const r = demoRequests.receipt;
  const m = documentMessages.receipt;
  const table = (head: readonly string[], rows: string[][]) =>
    `<table><tr>${head.map((cell) => `<th>${cell}</th>`).join('')}</tr>${rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('')}</table>`;
  const qr = await QRCode.toString(r.caseNumber, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return `<!doctype html><meta charset="utf-8"><style>${fontFaces(origin)}@page{size:A4;margin:20mm 24mm}body{font:12pt NotoSerifSC}table{border-collapse:collapse;width:100%;font-size:10.5pt}td,th{border:0.5pt solid #000;padding:1.6mm}h1{text-align:center;font-size:22pt}.qr{float:right;width:24mm}</style>
<div class="qr">${qr}</div><h1>${documentMessages.titles.receipt}</h1><p style="text-align:center">${r.documentNumber}</p>
${table(['', '', '', ''], [[m.fields.caseNumber, r.caseNumber, m.fields.receivedAt, '2026年11月26日 09:12'], [m.fields.enterprise, r.enterpriseName, m.fields.window, r.window], [m.fields.applicant, r.applicant.name, m.fields.phone, r.applicant.phone]])}
<h3>${m.mattersHeading}</h3>${table(m.matterColumns, r.matters.map((matter, i) => [String(i + 1), matter.name, matter.department, m.promisedDays(matter.promisedDays)]))}
<h3>${m.materialsHeading}</h3>${table(m.materialColumns, r.materials.map((material, i) => [String(i + 1), material.name, material.form, String(material.copies), String(material.pages ?? '—')]))}
${m.notes.map((note) => `<p style="font-size:9pt">${note}</p>`).join('')}<p style="text-align:right">${r.agency.hallName}<br>2026年11月26日</p>`;
}

/** Serves the two fonts over loopback with caching allowed, so warm Chromium runs reuse them as a browser would. */
async function serveFonts(): Promise<{ origin: string; server: Server }> {
  const files: Record<string, Buffer> = { '/serif.ttf': await readFile(nodeAssetPaths.serif), '/sans.ttf': await readFile(nodeAssetPaths.sans) };
  const server = createServer((request, response) => {
    const body = files[request.url ?? ''];
    if (!body) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>bench</title>');
      return;
    }
    response.writeHead(200, { 'content-type': 'font/ttf', 'cache-control': 'public, max-age=3600' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function chromiumSamples(origin: string, html: (origin: string) => Promise<string>, runs: number): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const once = async () => {
      await page.setContent(await html(origin), { waitUntil: 'load' });
      await page.pdf({ preferCSSPageSize: true, printBackground: false });
    };
    await once(); // fonts fetched and decoded: what follows is warm
    return await sample(runs, once);
  } finally {
    await browser.close();
  }
}

/**
 * `pdf`: our engine (HarfBuzz subsets, fonts kept parsed) against pdf-lib's own embedFont(subset) and
 * Chromium HTML→PDF on the same content, in the same run. Target (ARCHITECTURE.md, "Figures"): warm licence median ≤ 20 ms.
 */
export const pdfSuite: BenchSuite = {
  name: 'pdf',
  async run() {
    const results: BenchResult[] = [];
    const result = (name: string, samples: number[], extra: Partial<BenchResult> = {}): BenchResult => ({ suite: 'pdf', name, unit: 'ms', ...summarise(samples), ...extra });

    const coldLicence = await coldSamples('licenceOriginal');
    const coldReceipt = await coldSamples('receipt');

    const engine: PdfEngine = await createPdfEngine(nodeFontSource);
    const warm = async (request: DocumentRequestInput) => {
      await sample(WARM_UP, () => generateDocument(request, engine));
      return sample(WARM_RUNS, () => generateDocument(request, engine));
    };
    const warmLicence = await warm(demoRequests.licenceOriginal);
    const warmReceipt = await warm(demoRequests.receipt);
    // A legal name with a CJK Extension B character draws it from the fallback font, which an engine opens on its first such document.
    const rareLicence = { ...demoRequests.licenceOriginal, licence: { ...demoLicence, legalRepresentative: '𠮷田明远' } };
    const firstRareLicence: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const fresh = await createPdfEngine(nodeFontSource);
      await generateDocument(demoRequests.licenceOriginal, fresh);
      firstRareLicence.push(await time(() => generateDocument(rareLicence, fresh)));
    }
    const warmRareLicence = await warm(rareLicence);
    const batches = await sample(BATCHES, async () => {
      for (let i = 0; i < BATCH_SIZE; i++) await generateDocument(batchLicence(i), engine);
    });

    const [serifBytes, sansBytes] = await Promise.all([nodeFontSource.readFont('serif'), nodeFontSource.readFont('sans')]);
    const pdfLib = await sample(PDF_LIB_RUNS, () => pdfLibLicence(serifBytes, sansBytes));

    const fonts = await serveFonts();
    let chromiumLicence: number[];
    let chromiumReceipt: number[];
    try {
      chromiumLicence = await chromiumSamples(fonts.origin, licenceHtml, CHROMIUM_RUNS);
      chromiumReceipt = await chromiumSamples(fonts.origin, receiptHtml, CHROMIUM_RUNS);
    } finally {
      fonts.server.close();
    }

    results.push(
      result('licence 正本, cold (fresh process: engine + first document)', coldLicence),
      result('licence 正本, warm', warmLicence, { ...anchorOf(warmLicence, "pdf-lib embedFont(…, {subset: true})", pdfLib), target: { stat: 'median', max: 20 } }),
      result('licence 正本, warm vs Chromium', warmLicence, anchorOf(warmLicence, 'Chromium HTML→PDF (page.pdf)', chromiumLicence)),
      result('licence 正本 with 𠮷, warm (fallback font open)', warmRareLicence, { ...anchorOf(warmRareLicence, 'the same licence without 𠮷', warmLicence), target: { stat: 'median', max: 20 } }),
      result('licence 正本 with 𠮷, first of a running engine (opens the fallback font)', firstRareLicence),
      result('receipt, cold (fresh process: engine + first document)', coldReceipt),
      result('receipt, warm vs Chromium', warmReceipt, anchorOf(warmReceipt, 'Chromium HTML→PDF (page.pdf)', chromiumReceipt)),
      result(`batch of ${BATCH_SIZE} licences (total)`, batches),
    );
    return results;
  },
};
