/**
 * `npx tsx test/tools/writePrintableRanges.ts`: rewrites the table of characters the documents can print
 * (renderer/src/domain/printableRanges.ts) from the fonts, after a font is added or updated.
 */
import { writeFile } from 'node:fs/promises';
import { computePrintableRanges, printableRangesPath, printableRangesSource } from './fontCoverage';

async function main(): Promise<void> {
  const ranges = await computePrintableRanges();
  await writeFile(printableRangesPath, printableRangesSource(ranges));
  console.log(`${printableRangesPath}: ${ranges.length} ranges`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
