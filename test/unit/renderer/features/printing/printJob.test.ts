import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendToPrinter, type PrintJobRequest } from '../../../../../renderer/src/features/printing/printJob';

const request: PrintJobRequest = {
  pdf: new TextEncoder().encode('%PDF-1.7\n'),
  printer: 'DeskPDF',
  copies: 2,
  paper: 'A4',
  orientation: 'portrait',
  title: '受理通知书 绵市监企受字〔2026〕第MY01-0001号',
};

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

function stubDesk(printPdf: () => Promise<Reply>, printJobState: () => Promise<Reply> = printPdf) {
  const desk = { printPdf: vi.fn(printPdf), printJobState: vi.fn(printJobState) };
  vi.stubGlobal('window', { desk });
  return desk;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('sendToPrinter', () => {
  it('says in Chinese that the job completed, naming the printer, copies and job', async () => {
    const desk = stubDesk(async () => ({ ok: true, value: { state: 'completed', jobId: 'DeskPDF-12' } }));
    expect(await sendToPrinter(request)).toEqual({ state: 'completed', jobId: 'DeskPDF-12', message: '已打印：DeskPDF 已完成 2 份（打印作业 DeskPDF-12）。' });
    expect(desk.printPdf).toHaveBeenCalledWith({ ...request });
  });

  it('follows a job still queued until the spooler says it completed', async () => {
    vi.useFakeTimers();
    const states = [
      { state: 'queued', jobId: 'DeskPDF-13', reason: '打印机正忙' },
      { state: 'completed', jobId: 'DeskPDF-13' },
    ];
    const desk = stubDesk(
      async () => ({ ok: true, value: { state: 'queued', jobId: 'DeskPDF-13', reason: '打印机正忙' } }),
      async () => ({ ok: true, value: states.shift() }),
    );
    const report = sendToPrinter(request);
    await vi.runAllTimersAsync();
    expect(await report).toMatchObject({ state: 'completed', jobId: 'DeskPDF-13' });
    expect(desk.printJobState).toHaveBeenCalledTimes(2);
  });

  it('reports a job the spooler failed, and one the print service refused, with their reasons', async () => {
    stubDesk(async () => ({ ok: true, value: { state: 'failed', jobId: 'DeskPDF-14', reason: '缺纸' } }));
    expect(await sendToPrinter(request)).toEqual({ state: 'failed', jobId: 'DeskPDF-14', message: '打印失败：缺纸' });
    stubDesk(async () => ({ ok: false, error: { code: 'refused', message: '打印机“DeskPDF”不存在' } }));
    expect(await sendToPrinter(request)).toEqual({ state: 'refused', jobId: null, message: '未能送到打印机：打印机“DeskPDF”不存在' });
  });
});
