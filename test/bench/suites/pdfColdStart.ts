/**
 * Child process for the `pdf` suite's cold figures: in a fresh Node process (nothing compiled, no font
 * parsed), time creating the engine and the first document of the kind named on the command line.
 */
import { createPdfEngine } from '../../../renderer/src/documents/engine';
import { nodeFontSource } from '../../../renderer/src/documents/fonts/nodeFontSource';
import { generateDocument } from '../../../renderer/src/documents/generateDocument';
import { documentKinds, type DocumentKind } from '../../../renderer/src/documents/schemas';
import { demoRequests } from '../../tools/demoDocuments';

async function main(): Promise<void> {
  const kind = process.argv[2] as DocumentKind;
  if (!documentKinds.includes(kind)) throw new Error(`usage: pdfColdStart.ts <${documentKinds.join('|')}>`);
  const start = performance.now();
  await generateDocument(demoRequests[kind], await createPdfEngine(nodeFontSource));
  process.stdout.write(JSON.stringify({ ms: performance.now() - start }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
