import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfEngine, type PdfEngine } from '../../../../../renderer/src/documents/engine';
import { InvalidDocumentRequestError } from '../../../../../renderer/src/documents/errors';
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
const ledger = demoRequests.ledgerReport;
const [longName, rareName] = [ledger.rows[0]!, ledger.rows[1]!];
/** The enterprise column: after the 24 mm margin, 序号 (10 mm) and 办件编号 (36 mm), 42 mm wide. */
const enterpriseColumn = { left: (24 + 10 + 36) * MM, right: (24 + 10 + 36 + 42) * MM };

describe('the printed 督办台账', () => {
  it('is landscape A4 with hall, range and 文号 in its title, and numbers every page 第 n 页 共 m 页', async () => {
    const document = await generateDocument(ledger, engine);
    const info = await tools.info(document.bytes);
    expect([Math.round(info.widthPt), Math.round(info.heightPt)]).toEqual([842, 595]);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    expect(document.pageCount).toBe(info.pages);
    const first = await tools.text(document.bytes, 1);
    expect(first).toContain('督办台账');
    expect(first).toContain('绵阳市政务服务中心企业服务中心2026年11月13日至2026年11月26日');
    expect(first).toContain('绵市监企督字〔2026〕第FC03-0003号');
    expect(first).toContain(`共${ledger.rows.length}项`);
    for (let page = 1; page <= info.pages; page += 1) {
      const text = await tools.text(document.bytes, page);
      expect(text).toContain(`第${page}页共${info.pages}页`);
      // The header row repeats at the top of every page's table.
      expect(text).toContain('序号办件编号企业名称绿卡来源责任单位／专员办结时限剩余／逾期状态最新督办记录');
    }
  });

  it('prints each item once with its days left or overdue, its owner and 专员, and its latest follow-up', async () => {
    const text = await tools.text((await generateDocument(ledger, engine)).bytes);
    for (const row of ledger.rows) expect(text.split(row.caseNumber)).toHaveLength(2);
    expect(text).toContain('逾期4个工作日');
    expect(text).toContain('今日到期');
    expect(text).toContain('剩3个工作日');
    expect(text).toContain('专员陈晓燕13800005555');
    expect(text).toContain('11-2515:30李建国：已电话督促登记注册科');
    expect(text).toContain(rareName.enterpriseName);
  });

  it('wraps a long enterprise name inside its column, on lines of its own row', async () => {
    // One page (word boxes of later pages would share its coordinates).
    const words = await tools.words((await generateDocument({ ...ledger, rows: ledger.rows.slice(0, 5) }, engine)).bytes);
    // The item's row: from its case number down to the next item's.
    const top = words.find((word) => word.word === longName.caseNumber)!.yMin - 1;
    const bottom = words.find((word) => word.word === rareName.caseNumber)!.yMin;
    const pieces = words.filter((word) => word.yMin >= top && word.yMin < bottom && word.xMin >= enterpriseColumn.left - 1 && word.xMin < enterpriseColumn.right);
    expect(pieces.map((piece) => piece.word).join('')).toBe(longName.enterpriseName);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.xMin).toBeGreaterThanOrEqual(enterpriseColumn.left);
      expect(piece.xMax).toBeLessThanOrEqual(enterpriseColumn.right);
    }
    // Its lines stack downwards, each under the previous.
    pieces.reduce((above, piece) => {
      expect(piece.yMin).toBeGreaterThan(above.yMin);
      return piece;
    });
  });

  it('says so when the range holds no item', async () => {
    const document = await generateDocument({ ...ledger, rows: [] }, engine);
    const text = await tools.text(document.bytes);
    expect(text).toContain('共0项');
    expect(text).toContain('所选范围内没有督办事项。');
    expect(text).not.toContain('最新督办记录');
  });

  it('refuses a range that ends before it starts, naming the field', async () => {
    const refused = generateDocument({ ...ledger, range: { from: '2026-11-27', to: '2026-11-26' } }, engine);
    await expect(refused).rejects.toBeInstanceOf(InvalidDocumentRequestError);
    await expect(refused).rejects.toMatchObject({ issues: [{ path: 'range', message: '台账的起始日期不能晚于截止日期' }] });
  });
});
