import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfEngine, type PdfEngine } from '../../../../renderer/src/documents/engine';
import { nodeFontSource } from '../../../../renderer/src/documents/fonts/nodeFontSource';
import { generateDocument } from '../../../../renderer/src/documents/generateDocument';
import { demoRequests } from '../../../tools/demoDocuments';
import { PdfTools } from './pdfTools';

let engine: PdfEngine;
let tools: PdfTools;

beforeAll(async () => {
  [engine, tools] = await Promise.all([createPdfEngine(nodeFontSource), PdfTools.create()]);
});

afterAll(async () => {
  await tools.dispose();
});

describe('the day report of a day signed with documents unprinted', () => {
  it('lists each unprinted document with the chief’s reason before the signature', async () => {
    const { dayReport } = demoRequests;
    const caseNumber = dayReport.cases[0]!.caseNumber;
    const unprinted = [{ caseNumber, document: '受理通知书', reason: '申请人已离开，改为邮寄送达' }];
    const text = await tools.text((await generateDocument({ ...dayReport, unprinted }, engine)).bytes);
    for (const needle of ['七、已作出决定但未打印的文书', '未打印原因（首席代表填写）', '申请人已离开，改为邮寄送达', '八、签字确认']) expect(text).toContain(needle);
    expect(text.indexOf('七、已作出决定但未打印的文书')).toBeLessThan(text.indexOf('八、签字确认'));
  });

  it('reads as before when every document was printed', async () => {
    const text = await tools.text((await generateDocument(demoRequests.dayReport, engine)).bytes);
    expect(text).toContain('七、签字确认');
    expect(text).not.toContain('未打印');
  });
});
