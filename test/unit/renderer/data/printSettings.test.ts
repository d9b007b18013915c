import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { identityCalibration } from '../../../../renderer/src/documents/layout/calibration';
import {
  calibrationFor,
  choiceFor,
  listCalibrations,
  readPrinterDefaults,
  saveCalibration,
  savePrinterDefault,
} from '../../../../renderer/src/data/printSettings';
import { closeDatabases } from './dataFixtures';
import { issuingDesk, unwrapResult } from './issuanceFixtures';

afterEach(closeDatabases);

describe('printer defaults', () => {
  it('fall back to no printer and the standard paper of the kind (正本 on A3) until the admin sets them', async () => {
    const { db } = await issuingDesk();
    const defaults = await readPrinterDefaults(db);
    expect(choiceFor(defaults, 'licenceOriginal')).toEqual({ printer: null, paper: 'A3' });
    expect(choiceFor(defaults, 'receipt')).toEqual({ printer: null, paper: 'A4' });
  });

  it('are set per kind by the admin only, and can be cleared again', async () => {
    const { db, admin, clerk } = await issuingDesk();
    expect(await savePrinterDefault(db, clerk, 'receipt', { printer: 'DeskPDF', paper: 'A4' })).toEqual({ ok: false, message: '只有管理员可以设置默认打印机' });
    unwrapResult(await savePrinterDefault(db, admin, 'receipt', { printer: 'DeskPDF', paper: 'A5' }));
    unwrapResult(await savePrinterDefault(db, admin, 'licenceOriginal', { printer: '出证窗口 A3', paper: 'A3' }));
    expect(await readPrinterDefaults(db)).toEqual({ receipt: { printer: 'DeskPDF', paper: 'A5' }, licenceOriginal: { printer: '出证窗口 A3', paper: 'A3' } });
    unwrapResult(await savePrinterDefault(db, admin, 'receipt', null));
    expect(choiceFor(await readPrinterDefaults(db), 'receipt')).toEqual({ printer: null, paper: 'A4' });
    expect((await db.auditLog.toArray()).filter((entry) => entry.action === 'settings.printerDefault')).toHaveLength(3);
  });

  it('refuse a printer name with control characters', async () => {
    const { db, admin } = await issuingDesk();
    expect(await savePrinterDefault(db, admin, 'receipt', { printer: 'Desk\u0007PDF', paper: 'A4' })).toMatchObject({ ok: false });
    expect(await readPrinterDefaults(db)).toEqual({});
  });
});

describe('licence calibration', () => {
  it('is no correction until the chief saves one per printer and paper', async () => {
    const { db, chief, admin } = await issuingDesk();
    expect(await calibrationFor(db, 'DeskPDF', 'original')).toEqual(identityCalibration);
    expect(await saveCalibration(db, admin, 'DeskPDF', 'original', { dx: 1, dy: 0, scale: 1 })).toEqual({ ok: false, message: '只有首席代表可以保存套打校准' });

    unwrapResult(await saveCalibration(db, chief, 'DeskPDF', 'original', { dx: 1.5, dy: -0.8, scale: 1.004 }, new Date('2026-11-02T08:30:00+08:00')));
    unwrapResult(await saveCalibration(db, chief, 'DeskPDF', 'copy', { dx: -0.5, dy: 0.2, scale: 1 }));
    unwrapResult(await saveCalibration(db, chief, 'DeskPDF', 'original', { dx: 1.2, dy: -0.8, scale: 1.004 }));
    expect(await calibrationFor(db, 'DeskPDF', 'original')).toEqual({ dx: 1.2, dy: -0.8, scale: 1.004 });
    expect(await calibrationFor(db, 'DeskPDF', 'copy')).toEqual({ dx: -0.5, dy: 0.2, scale: 1 });
    expect(await calibrationFor(db, 'Other', 'copy')).toEqual(identityCalibration);
    expect(await listCalibrations(db)).toHaveLength(2);
  });

  it('refuses a correction beyond what a working printer can be off by', async () => {
    const { db, chief } = await issuingDesk();
    const result = await saveCalibration(db, chief, 'DeskPDF', 'original', { dx: 7, dy: 0, scale: 1 });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('±5 毫米') });
    expect(await saveCalibration(db, chief, 'DeskPDF', 'original', { dx: 0, dy: 0, scale: 1.05 })).toMatchObject({ ok: false });
    expect(await listCalibrations(db)).toEqual([]);
  });
});
