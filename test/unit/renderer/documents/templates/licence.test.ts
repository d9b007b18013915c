import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfEngine, type PdfEngine } from '../../../../../renderer/src/documents/engine';
import { InvalidDocumentRequestError } from '../../../../../renderer/src/documents/errors';
import { nodeFontSource } from '../../../../../renderer/src/documents/fonts/nodeFontSource';
import { generateDocument } from '../../../../../renderer/src/documents/generateDocument';
import { licenceLayouts } from '../../../../../renderer/src/documents/layout/licenceLayout';
import { POINTS_PER_MM } from '../../../../../renderer/src/documents/pdf/units';
import type { BusinessTerm } from '../../../../../renderer/src/domain/cases/businessTerm';
import { demoLicence, demoRequests } from '../../../../tools/demoDocuments';
import { PdfTools } from '../pdfTools';

let engine: PdfEngine;
let tools: PdfTools;

beforeAll(async () => {
  [engine, tools] = await Promise.all([createPdfEngine(nodeFontSource), PdfTools.create()]);
});

afterAll(async () => {
  await tools.dispose();
});

const sheets = [
  ['licenceOriginal', 'original'],
  ['licenceDuplicate', 'duplicate'],
] as const;

const terms: [string, BusinessTerm, string[]][] = [
  ['长期', { kind: 'longTerm' }, ['长期']],
  ['a fixed term from 成立日期', { kind: 'fixed', until: '2046-11-25' }, ['2026年11月26日', '至', '2046年11月25日']],
  ['a fixed term with its own start', { kind: 'fixed', from: '2036-11-26', until: '2056-11-25' }, ['2036年11月26日', '至', '2056年11月25日']],
];

describe.each(sheets)('营业期限 on the %s', (kind, copy) => {
  it.each(terms)('prints %s in the 营业期限 box, below 成立日期', async (_name, businessTerm, expected) => {
    const document = await generateDocument({ ...demoRequests[kind], licence: { ...demoLicence, businessTerm } }, engine);
    expect(await tools.text(document.bytes)).toContain(expected.join(''));
    const box = licenceLayouts[copy].fields.businessTerm;
    const established = licenceLayouts[copy].fields.establishedOn;
    expect(box.y).toBeGreaterThanOrEqual(established.y + established.h);
    const mm = (pt: number) => pt / POINTS_PER_MM;
    // pdftotext rounds a word's edges outwards by a fraction of a point.
    const slackMm = 0.3;
    // A word belongs to the box its middle falls in; the other dates of the sheet lie in their own boxes.
    const inBox = (await tools.words(document.bytes)).filter((word) => {
      const middle = mm((word.yMin + word.yMax) / 2);
      return middle >= box.y && middle <= box.y + box.h && mm(word.xMin) >= box.x - 1 && mm(word.xMin) <= box.x + box.w;
    });
    expect(inBox.map((word) => word.word)).toEqual(expected);
    for (const word of inBox) {
      expect({ word: word.word, left: mm(word.xMin) >= box.x - slackMm, right: mm(word.xMax) <= box.x + box.w + slackMm }).toEqual({ word: word.word, left: true, right: true });
    }
  });

  it('refuses to draw a licence without 营业期限, or with a term ending before it starts', async () => {
    const { businessTerm: _omitted, ...withoutTerm } = demoLicence;
    await expect(generateDocument({ ...demoRequests[kind], licence: withoutTerm } as typeof demoRequests[typeof kind], engine)).rejects.toBeInstanceOf(InvalidDocumentRequestError);
    await expect(generateDocument({ ...demoRequests[kind], licence: { ...demoLicence, businessTerm: { kind: 'fixed', until: '2026-11-25' } } }, engine)).rejects.toBeInstanceOf(
      InvalidDocumentRequestError,
    );
  });
});
