import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfEngine, type PdfEngine } from '../../../../../renderer/src/documents/engine';
import { nodeFontSource } from '../../../../../renderer/src/documents/fonts/nodeFontSource';
import { generateDocument } from '../../../../../renderer/src/documents/generateDocument';
import { demoRequests } from '../../../../tools/demoDocuments';
import { PdfTools } from '../pdfTools';

let engine: PdfEngine;
let tools: PdfTools;
beforeAll(async () => {
  [engine, tools] = await Promise.all([createPdfEngine(nodeFontSource), PdfTools.create()]);
});
afterAll(() => tools.dispose());

const MM = 72 / 25.4;
/** The facts table spans the content width: 24 mm margins on A4. */
const tableLeft = 24 * MM;
const tableRight = (210 - 24) * MM;
const liaison = { name: '欧阳专员', phone: '0816-2345678' };

describe('the 收件凭证 of a green-card enterprise', () => {
  it('names the 专员 and their phone in the facts table, on its own row under the clerk', async () => {
    const document = await generateDocument({ ...demoRequests.receipt, greenCardLiaison: liaison }, engine);
    const text = await tools.text(document.bytes);
    expect(text).toContain(`绿卡专员${liaison.name}联系电话${liaison.phone}`);

    // The facts table opens page 1; these words are printed there only (a long receipt continues, seal and notes together).
    const words = await tools.words(document.bytes);
    const find = (word: string) => words.find((candidate) => candidate.word === word)!;
    const label = find('绿卡专员');
    const name = find(liaison.name);
    const phone = find(liaison.phone);
    const clerk = find(demoRequests.receipt.clerkName);
    // Within the table's width, in the second and fourth columns as the other facts are, below the clerk's row.
    for (const word of [label, name, phone]) {
      expect(word.xMin).toBeGreaterThanOrEqual(tableLeft);
      expect(word.xMax).toBeLessThanOrEqual(tableRight);
      expect(word.yMin).toBeGreaterThan(clerk.yMax);
    }
    expect(name.xMin).toBeCloseTo(clerk.xMin, 0);
    expect(phone.xMin).toBeGreaterThan((tableLeft + tableRight) / 2);
    expect(Math.abs(name.yMin - phone.yMin)).toBeLessThan(1);
  });

  it('has no 专员 row for an enterprise of no green card', async () => {
    const document = await generateDocument(demoRequests.receipt, engine);
    expect(await tools.text(document.bytes)).not.toContain('绿卡专员');
  });
});
