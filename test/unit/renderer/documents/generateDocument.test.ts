import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfEngine, type PdfEngine } from '../../../../renderer/src/documents/engine';
import { InvalidDocumentRequestError, MissingGlyphError } from '../../../../renderer/src/documents/errors';
import type { FontSource } from '../../../../renderer/src/documents/fonts/fontSource';
import { nodeFontSource } from '../../../../renderer/src/documents/fonts/nodeFontSource';
import { generateDocument, templates } from '../../../../renderer/src/documents/generateDocument';
import { documentKinds, type DocumentKind } from '../../../../renderer/src/documents/schemas';
import { calibrateBox } from '../../../../renderer/src/documents/layout/calibration';
import { licenceFieldNames, licenceLayouts } from '../../../../renderer/src/documents/layout/licenceLayout';
import { POINTS_PER_MM } from '../../../../renderer/src/documents/pdf/units';
import { demoLicence, demoRequests } from '../../../tools/demoDocuments';
import { PdfTools } from './pdfTools';

let engine: PdfEngine;
let tools: PdfTools;

beforeAll(async () => {
  [engine, tools] = await Promise.all([createPdfEngine(nodeFontSource), PdfTools.create()]);
});

afterAll(async () => {
  await tools.dispose();
});

const { receipt, supplementaryReceipt, acceptanceNotice, deferredAcceptanceNotice, correctionNotice, rejectionNotice, withdrawalRequest, commitmentLetter, calibrationSheet, dayReport, recoverySheet, ledgerReport } = demoRequests;
const shared = [acceptanceNotice.documentNumber, acceptanceNotice.caseNumber, acceptanceNotice.catalogueVersion, acceptanceNotice.agency.name];

/** What each document must visibly carry, as a reader (or pdftotext) finds it. */
const mustCarry: Record<DocumentKind, string[]> = {
  receipt: [
    '收件凭证',
    receipt.documentNumber,
    receipt.caseNumber,
    receipt.catalogueVersion,
    receipt.enterpriseName,
    receipt.applicant.name,
    receipt.clerkName,
    '2026年11月26日09:12',
    '2026年11月27日',
    ...receipt.matters.map((matter) => matter.name),
    ...receipt.materials.map((material) => material.name),
  ],
  supplementaryReceipt: [
    '补交收件凭证',
    supplementaryReceipt.documentNumber,
    supplementaryReceipt.caseNumber,
    '申请人',
    supplementaryReceipt.applicant.name,
    '代理人',
    supplementaryReceipt.agent!.name,
    '2026年11月26日容缺受理',
    ...supplementaryReceipt.materials.map((material) => material.name),
    '尚待补交的容缺材料',
    ...supplementaryReceipt.outstanding.map((material) => material.name),
    '2026年12月2日',
  ],
  acceptanceNotice: ['受理通知书', ...shared, acceptanceNotice.applicantName, '第三十二条第一款第（五）项', '决定予以受理', '2026年11月27日', '2026年11月26日', '（盖章）'],
  deferredAcceptanceNotice: [
    '容缺受理通知书',
    deferredAcceptanceNotice.documentNumber,
    ...deferredAcceptanceNotice.deferredItems.flatMap((item) => [item.material, item.requirement]),
    '2026年12月2日',
    '申请人承诺',
    '申请人（签字或盖章）',
  ],
  commitmentLetter: [
    '告知承诺书',
    commitmentLetter.documentNumber,
    commitmentLetter.applicantName,
    ...commitmentLetter.items.flatMap((item) => [item.material, item.statement]),
    '20个工作日内',
    '2026年12月24日前',
    '撤销登记',
    '严重违法失信名单',
    '申请人承诺',
    '申请人（签字或盖章）',
    '受理人：王静',
    '（盖章）',
  ],
  correctionNotice: [
    '补正材料通知书',
    '一次性告知书',
    correctionNotice.documentNumber,
    '《中华人民共和国行政许可法》第三十二条',
    ...correctionNotice.items.flatMap((item) => [item.material, item.requirement, item.legalBasis]),
  ],
  withdrawalRequest: [
    '撤回申请',
    '申请人书面申请',
    withdrawalRequest.caseNumber,
    withdrawalRequest.enterpriseName,
    withdrawalRequest.applicant.name,
    withdrawalRequest.applicant.idDocument,
    withdrawalRequest.agent!.name,
    withdrawalRequest.reason!,
    '自愿向绵阳市市场监督管理局撤回上述申请',
    '申请人（签字或盖章）',
    '委托代理人（签字）',
    '经办人：王静',
    ...withdrawalRequest.matters.map((matter) => matter.name),
  ],
  rejectionNotice: [
    '不予受理通知书',
    rejectionNotice.documentNumber,
    rejectionNotice.caseNumber,
    ...rejectionNotice.reasons.flatMap((reason) => [reason.reason, reason.legalBasis]),
    '六十日内向绵阳市人民政府申请行政复议',
    '六个月内依法向绵阳市涪城区人民法院提起行政诉讼',
  ],
  calibrationSheet: ['套打校准页', calibrationSheet.printerName, 'A（30,40）', 'B（390,40）', '比例=标称距离÷L'],
  licenceOriginal: [demoLicence.uscc, demoLicence.name, demoLicence.type, demoLicence.legalRepresentative, '壹佰万元整', '2026年11月26日', '2026年11月26日至2046年11月25日', demoLicence.address, demoLicence.businessScope],
  licenceDuplicate: [demoLicence.uscc, demoLicence.name, demoLicence.type, demoLicence.legalRepresentative, '壹佰万元整', '2026年11月26日', '2026年11月26日至2046年11月25日', demoLicence.address, demoLicence.businessScope],
  dayReport: [
    '日结报表',
    dayReport.documentNumber,
    '2026年11月26日',
    '业务序号5126',
    '于2026年11月26日17:38对账一致',
    '本窗口审计日志截至第48213条，末条校验值（前16位）3f9a1c7e52b04d8e',
    '1小时53分钟',
    '75%',
    ...dayReport.casesByStatus.map((line) => line.label),
    ...dayReport.casesByMatter.flatMap((line) => [line.code, line.name]),
    ...dayReport.licenceSheets.used,
    ...dayReport.licenceSheets.voided,
    ...dayReport.cases.flatMap((line) => [line.caseNumber, line.enterpriseName]),
    '首席代表（签字）：李建国',
    '签字时间：2026年11月26日17:42',
    '制表人：王静',
  ],
  recoverySheet: [
    '备份恢复单',
    recoverySheet.reference,
    '企业开办综合窗口3号（FC03）',
    recoverySheet.agency.hallName,
    recoverySheet.backupFolder,
    '最近7份',
    recoverySheet.lastBackup!.fileName,
    '2026年11月26日17:44',
    '备份密码（由管理员手写，本机不保存密码）',
    '从备份恢复',
    '校验并恢复',
  ],
  ledgerReport: [
    '督办台账',
    ledgerReport.documentNumber,
    ledgerReport.hallName,
    '2026年11月13日至2026年11月26日',
    ...ledgerReport.rows.map((row) => row.caseNumber),
    ledgerReport.rows[0]!.enterpriseName,
  ],
};

describe.each(documentKinds)('the %s document', (kind) => {
  it('embeds only subset fonts, each with a Unicode map', async () => {
    const document = await generateDocument(demoRequests[kind], engine);
    const fonts = await tools.fonts(document.bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans)SC-Regular$/);
      expect(font).toMatchObject({ type: 'CID TrueType', emb: 'yes', sub: 'yes', uni: 'yes' });
    }
  });

  it('carries every field it must, as extractable text', async () => {
    const document = await generateDocument(demoRequests[kind], engine);
    const text = await tools.text(document.bytes);
    for (const needle of mustCarry[kind]) expect(text).toContain(needle.replace(/\s+/g, ''));
  });

  it('gives the same bytes for the same request, and reports their SHA-256', async () => {
    const first = await generateDocument(demoRequests[kind], engine);
    const second = await generateDocument(structuredClone(demoRequests[kind]), engine);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    expect(first.sha256).toBe(createHash('sha256').update(first.bytes).digest('hex'));
  });
});

describe.each(['receipt', 'acceptanceNotice', 'deferredAcceptanceNotice', 'correctionNotice', 'rejectionNotice', 'dayReport'] as const)('the footer of the %s', (kind) => {
  it('shows the template version in Chinese, keeping the template id in the PDF metadata only', async () => {
    const document = await generateDocument(demoRequests[kind], engine);
    const text = await tools.text(document.bytes);
    const { version } = templates[kind];
    expect(text).toContain(`文书版本第${version}版`);
    expect(text).not.toContain(`${kind}/`);
    expect(document.templateId).toBe(`${kind}/${version}`);
    expect((await PDFDocument.load(document.bytes, { updateMetadata: false })).getSubject()).toBe(`${kind}/${version}`);
  });
});

describe('generateDocument', () => {
  it('prints the licence original on 420 × 297 mm landscape and the duplicate on 210 × 297 mm', async () => {
    const original = await tools.info((await generateDocument(demoRequests.licenceOriginal, engine)).bytes);
    const duplicate = await tools.info((await generateDocument(demoRequests.licenceDuplicate, engine)).bytes);
    expect(original.widthPt).toBeCloseTo(420 * POINTS_PER_MM, 1);
    expect(original.heightPt).toBeCloseTo(297 * POINTS_PER_MM, 1);
    expect(duplicate.widthPt).toBeCloseTo(210 * POINTS_PER_MM, 1);
    expect(duplicate.heightPt).toBeCloseTo(297 * POINTS_PER_MM, 1);
  });

  it('gives the same bytes from a freshly started engine as from a long-running one', async () => {
    await generateDocument(demoRequests.receipt, engine); // the long-running engine has cached widths by now
    const fresh = await createPdfEngine(nodeFontSource);
    const [warm, cold] = await Promise.all([generateDocument(demoRequests.licenceOriginal, engine), generateDocument(demoRequests.licenceOriginal, fresh)]);
    expect(cold.sha256).toBe(warm.sha256);
  });

  it('gives different bytes when anything printed changes', async () => {
    const first = await generateDocument(demoRequests.licenceDuplicate, engine);
    const renamed = await generateDocument({ ...demoRequests.licenceDuplicate, licence: { ...demoLicence, legalRepresentative: '张明达' } }, engine);
    expect(renamed.sha256).not.toBe(first.sha256);
  });

  it('moves every licence field by the printer calibration', async () => {
    const at = async (calibration: { dx: number; dy: number; scale: number }) => {
      const document = await generateDocument({ ...demoRequests.licenceDuplicate, calibration }, engine);
      return (await tools.words(document.bytes)).find((word) => word.word === demoLicence.uscc)!;
    };
    const nominal = await at({ dx: 0, dy: 0, scale: 1 });
    const shifted = await at({ dx: 3, dy: -2, scale: 1 });
    expect(shifted.xMin - nominal.xMin).toBeCloseTo(3 * POINTS_PER_MM, 0);
    expect(shifted.yMin - nominal.yMin).toBeCloseTo(-2 * POINTS_PER_MM, 0);
    const scaled = await at({ dx: 0, dy: 0, scale: 1.02 });
    expect(scaled.xMin / nominal.xMin).toBeCloseTo(1.02, 2);
  });

  it.each([
    ['licenceOriginal', { dx: 0, dy: 0, scale: 1 }],
    ['licenceDuplicate', { dx: -4, dy: 3.5, scale: 1.015 }],
  ] as const)('prints every %s word inside its calibrated field box (calibration %o)', async (kind, calibration) => {
    const layout = licenceLayouts[kind === 'licenceOriginal' ? 'original' : 'duplicate'];
    const boxes = licenceFieldNames.map((field) => calibrateBox(layout.fields[field], calibration));
    const document = await generateDocument({ ...demoRequests[kind], calibration }, engine);
    const words = await tools.words(document.bytes);
    expect(words.length).toBeGreaterThan(8);
    // pdftotext sets a word's top at the font's ascender (1.15 em), above the ideographic em box the layout fills.
    const slackMm = { x: 0.3, y: 2 };
    for (const word of words) {
      const [left, top, right, bottom] = [word.xMin, word.yMin, word.xMax, word.yMax].map((pt) => pt / POINTS_PER_MM) as [number, number, number, number];
      const inside = boxes.some((box) => left >= box.x - slackMm.x && right <= box.x + box.w + slackMm.x && top >= box.y - slackMm.y && bottom <= box.y + box.h + slackMm.y);
      expect({ word: word.word, inside }).toEqual({ word: word.word, inside: true });
    }
  });

  it('draws the licence QR code module for module as the qrcode package encodes the text', async () => {
    const dpi = 300;
    const layout = licenceLayouts.duplicate;
    const image = await tools.greyImage((await generateDocument(demoRequests.licenceDuplicate, engine)).bytes, dpi);
    const { modules } = QRCode.create(demoLicence.qrText, { errorCorrectionLevel: 'M' });
    const moduleMm = layout.qr.size / (modules.size + 8);
    const toPixel = (mm: number) => Math.round((mm / 25.4) * dpi);
    for (let row = -1; row <= modules.size; row++) {
      for (let col = -1; col <= modules.size; col++) {
        const dark = row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col) === 1;
        const x = toPixel(layout.qr.x + (col + 4.5) * moduleMm);
        const y = toPixel(layout.qr.y + (row + 4.5) * moduleMm);
        expect({ row, col, dark: image.pixel(x, y) < 128 }).toEqual({ row, col, dark });
      }
    }
  });

  it('prints 𠮷 (CJK Extension B) in the fallback 花园明朝B, embedded as a subset beside the Noto faces', async () => {
    const document = await generateDocument({ ...demoRequests.licenceOriginal, licence: { ...demoLicence, legalRepresentative: '𠮷田明远' } }, engine);
    expect(await tools.text(document.bytes)).toContain('𠮷田明远');
    const fonts = await tools.fonts(document.bytes);
    expect(fonts).toContainEqual(expect.objectContaining({ name: expect.stringMatching(/^[A-Z]{6}\+HanaMinB$/), emb: 'yes', sub: 'yes', uni: 'yes' }));
    expect(fonts.filter((font) => font.name.endsWith('+HanaMinB'))).toHaveLength(1);
  });

  it('embeds no fallback in a document whose characters the Noto faces all have', async () => {
    const fonts = await tools.fonts((await generateDocument(demoRequests.licenceOriginal, engine)).bytes);
    expect(fonts.map((font) => font.name)).not.toContainEqual(expect.stringContaining('HanaMinB'));
  });

  it('refuses a name with a character no font has (𱍐, CJK Extension H), naming it, and prints nothing', async () => {
    const request = { ...demoRequests.licenceOriginal, licence: { ...demoLicence, legalRepresentative: '𱍐田明远' } };
    const failure = generateDocument(request, engine);
    await expect(failure).rejects.toBeInstanceOf(MissingGlyphError);
    await expect(failure).rejects.toMatchObject({ characters: ['𱍐'] });
    await expect(failure).rejects.toThrow(/“𱍐”（U\+31350）/);
  });

  it('names every unprintable character at once, wherever it appears', async () => {
    const request = { ...demoRequests.correctionNotice, applicantName: '𱍐野家餐饮', items: [{ material: '章程', requirement: '补签名：😀𠮷', legalBasis: '公司法' }] };
    await expect(generateDocument(request, engine)).rejects.toMatchObject({ characters: ['𱍐', '😀'] });
  });

  it('prints rare characters the fonts do have (㙟, 䶮)', async () => {
    const document = await generateDocument({ ...demoRequests.licenceDuplicate, licence: { ...demoLicence, legalRepresentative: '刘䶮', address: `${demoLicence.address}㙟` } }, engine);
    const text = await tools.text(document.bytes);
    expect(text).toContain('刘䶮');
    expect(text).toContain('㙟');
  });

  it('falls back to the sans face for a character only it has (𰻞)', async () => {
    const name = '绵阳市涪城区老陕𰻞𰻞面馆';
    const document = await generateDocument({ ...demoRequests.licenceDuplicate, licence: { ...demoLicence, name } }, engine);
    expect(await tools.text(document.bytes)).toContain(name);
  });

  it('cuts an over-long 经营范围 on the licence with （详见附页） and warns with the full text', async () => {
    const businessScope = demoLicence.businessScope.repeat(6);
    const document = await generateDocument({ ...demoRequests.licenceDuplicate, licence: { ...demoLicence, businessScope } }, engine);
    expect(document.warnings).toEqual([expect.objectContaining({ kind: 'truncated', field: 'businessScope', fullText: businessScope })]);
    expect(document.warnings[0]!.message).toContain('经营范围');
    const text = await tools.text(document.bytes);
    expect(text).toContain('（详见附页）');
    expect(text).toContain(demoLicence.uscc);
  });

  it('continues a long notice on further pages, numbered, with nothing cut', async () => {
    const items = Array.from({ length: 24 }, (_, i) => ({ ...correctionNotice.items[i % 3]!, material: `材料${i + 1}` }));
    const document = await generateDocument({ ...correctionNotice, items }, engine);
    expect(document.pageCount).toBeGreaterThan(1);
    expect((await tools.info(document.bytes)).pages).toBe(document.pageCount);
    const text = await tools.text(document.bytes);
    for (const item of items) expect(text).toContain(item.material);
    expect(text).toContain(`第${document.pageCount}页共${document.pageCount}页`);
    expect(text).toContain('补正材料通知书（续）');
    expect(document.warnings).toEqual([]);
    // The seal never stands alone: the closing paragraph shares its page.
    const lastPage = await tools.text(document.bytes, document.pageCount);
    expect(lastPage).toContain('（盖章）');
    expect(lastPage).toContain('请按上述要求补正全部材料后重新提交');
  });

  it('refuses an invalid request, saying which field is wrong', async () => {
    const bad = { ...demoRequests.acceptanceNotice, documentNumber: '第1号', matters: [] };
    const failure = generateDocument(bad, engine);
    await expect(failure).rejects.toBeInstanceOf(InvalidDocumentRequestError);
    await expect(failure).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: 'documentNumber' }), expect.objectContaining({ path: 'matters' })]),
    });
  });

  it('refuses an unknown document kind', async () => {
    await expect(generateDocument({ kind: 'dayReport' }, engine)).rejects.toBeInstanceOf(InvalidDocumentRequestError);
  });

  it('refuses a licence calibration beyond the printer limits instead of printing off the paper', async () => {
    await expect(generateDocument({ ...demoRequests.licenceOriginal, calibration: { dx: 40, dy: 0, scale: 1 } }, engine)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'calibration.dx' })],
    });
  });
});

describe('PdfEngine.findMissingCharacters', () => {
  it('lists characters no font has, once each, and nothing for printable text', async () => {
    expect(await engine.findMissingCharacters('𱍐田𱍐 㙟䶮𰻞𠮷𪚥 Zhang 😀')).toEqual(['𱍐', '😀']);
    expect(await engine.findMissingCharacters(demoLicence.businessScope)).toEqual([]);
  });
});

describe('the fallback font', () => {
  /** The node font source, counting which faces the engine reads. */
  function countingSource(reads: string[]): FontSource {
    return { ...nodeFontSource, readFont: (face) => (reads.push(face), nodeFontSource.readFont(face)) };
  }

  it('is read only when a document needs it, and once for every later document', async () => {
    const reads: string[] = [];
    const counted = await createPdfEngine(countingSource(reads));
    await generateDocument(demoRequests.acceptanceNotice, counted);
    expect(reads.sort()).toEqual(['sans', 'serif']);
    await generateDocument({ ...demoRequests.acceptanceNotice, applicantName: '𠮷祥物流有限公司' }, counted);
    await generateDocument({ ...demoRequests.licenceDuplicate, licence: { ...demoLicence, legalRepresentative: '王𪚥' } }, counted);
    expect(reads.sort()).toEqual(['fallback', 'sans', 'serif']);
  });

  it('is read again by the next document when reading it failed', async () => {
    let failures = 1;
    const flaky: FontSource = {
      ...nodeFontSource,
      readFont: (face) => (face === 'fallback' && failures-- > 0 ? Promise.reject(new Error('HanaMinB.ttf: HTTP 404')) : nodeFontSource.readFont(face)),
    };
    const engineWithFlakyFallback = await createPdfEngine(flaky);
    const request = { ...demoRequests.acceptanceNotice, applicantName: '𠮷祥物流有限公司' };
    await expect(generateDocument(request, engineWithFlakyFallback)).rejects.toThrow('HanaMinB.ttf: HTTP 404');
    expect(await tools.text((await generateDocument(request, engineWithFlakyFallback)).bytes)).toContain('𠮷祥物流有限公司');
  });
});

describe('the day report of a day signed with documents unprinted', () => {
  it('lists each unprinted document with the chief’s reason before the signature', async () => {
    const caseNumber = dayReport.cases[0]!.caseNumber;
    const unprinted = [{ caseNumber, document: '受理通知书', reason: '申请人已离开，改为邮寄送达' }];
    const text = await tools.text((await generateDocument({ ...dayReport, unprinted }, engine)).bytes);
    for (const needle of ['七、已作出决定但未打印的文书', '未打印原因（首席代表填写）', '申请人已离开，改为邮寄送达', '八、签字确认']) expect(text).toContain(needle);
    expect(text.indexOf('七、已作出决定但未打印的文书')).toBeLessThan(text.indexOf('八、签字确认'));
  });

  it('reads as before when every document was printed', async () => {
    const text = await tools.text((await generateDocument(dayReport, engine)).bytes);
    expect(text).toContain('七、签字确认');
    expect(text).not.toContain('未打印');
  });

  it('prints no audit line for a report archived before the audit head was printed', async () => {
    const text = await tools.text((await generateDocument({ ...dayReport, auditHead: null }, engine)).bytes);
    expect(text).toContain('对账一致。二、当日汇总');
    expect(text).not.toContain('审计日志');
  });
});
