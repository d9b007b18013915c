/**
 * `npm run docs:samples -- --out DIR`: writes one PDF of every counter document from the demo data, for
 * people to look at (and render with `pdftoppm -png -r 60`), and the 督办台账 as `ledger.xlsx` beside its PDF.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPdfEngine } from '../../renderer/src/documents/engine';
import { nodeFontSource } from '../../renderer/src/documents/fonts/nodeFontSource';
import { generateDocument } from '../../renderer/src/documents/generateDocument';
import { ledgerWorkbook } from '../../renderer/src/documents/ledgerWorkbook';
import { documentKinds } from '../../renderer/src/documents/schemas';
import { demoLedgerMeta, demoLedgerRows, demoRequests, sampleFileNames } from './demoDocuments';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) {
    console.error('usage: npm run docs:samples -- --out DIR');
    process.exitCode = 2;
    return;
  }
  const outDir = resolve(values.out);
  await mkdir(outDir, { recursive: true });
  const engine = await createPdfEngine(nodeFontSource);
  for (const kind of documentKinds) {
    const document = await generateDocument(demoRequests[kind], engine);
    const path = join(outDir, sampleFileNames[kind]);
    await writeFile(path, document.bytes);
    const notes = document.warnings.map((warning) => ` ⚠ ${warning.message}`).join('');
    console.log(`${path}  ${document.pageCount} page(s)  ${document.bytes.length} bytes  sha256 ${document.sha256.slice(0, 16)}…${notes}`);
  }
  const workbook = await ledgerWorkbook(demoLedgerRows, demoLedgerMeta);
  const workbookPath = join(outDir, 'ledger.xlsx');
  await writeFile(workbookPath, workbook);
  console.log(`${workbookPath}  ${demoLedgerRows.length} row(s)  ${workbook.length} bytes`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
