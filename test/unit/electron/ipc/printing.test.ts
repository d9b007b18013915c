import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../../../electron/ipc/contract';
import { maxPdfBytes, printJobIdSchema, printJobSchema, printOutcomeSchema } from '../../../../electron/ipc/printing';
import { createDispatch } from '../../../../electron/ipc/register';

const pdf = (size = 64) => {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  return bytes;
};
const request = (overrides: Record<string, unknown> = {}) => ({
  pdf: pdf(),
  printer: 'DeskPDF',
  copies: 1,
  paper: 'A4',
  title: '收件凭证',
  ...overrides,
});

/** The print:pdf channel as the renderer meets it: the real contract and wrapper, a recording handler. */
function printChannel() {
  const printPdf = vi.fn(async () => ({ state: 'completed' as const, jobId: printJobIdSchema.parse('DeskPDF-1') }));
  const dispatch = createDispatch({ printPdf } as unknown as Handlers, { trustedOrigins: ['app://desk'] });
  const send = (input: unknown) => dispatch({ senderFrame: { url: 'app://desk/index.html', parent: null } }, 'printPdf', input);
  return { send, printPdf };
}

describe('print:pdf input', () => {
  it('passes a well-formed job to the handler, portrait unless told otherwise', async () => {
    const { send, printPdf } = printChannel();
    await expect(send(request())).resolves.toEqual({ ok: true, value: { state: 'completed', jobId: 'DeskPDF-1' } });
    expect(printPdf).toHaveBeenCalledWith(expect.objectContaining({ orientation: 'portrait', paper: 'A4' }));
  });

  it('refuses a request that is not an object', async () => {
    const reply = await printChannel().send('%PDF-1.7');
    expect(reply).toEqual({ ok: false, error: { code: 'invalid_input', message: '请求内容不符合要求：参数：打印请求的格式不正确。' } });
  });

  it('accepts a PDF of exactly the size limit', () => {
    expect(printJobSchema.safeParse(request({ pdf: pdf(maxPdfBytes) })).success).toBe(true);
  });

  it.each([
    ['a PDF one byte over 20 MB', { pdf: pdf(maxPdfBytes + 1) }, '不能超过 20 MB'],
    ['base64 text instead of bytes', { pdf: Buffer.from(pdf()).toString('base64') }, '字节数据'],
    ['a plain array of numbers', { pdf: Array.from(pdf()) }, '字节数据'],
    ['empty bytes', { pdf: new Uint8Array(0) }, '为空'],
    ['bytes that are not a PDF', { pdf: new TextEncoder().encode('<html>') }, '不是 PDF'],
    ['zero copies', { copies: 0 }, '1 到 99'],
    ['a hundred copies', { copies: 100 }, '1 到 99'],
    ['half a copy', { copies: 1.5 }, '1 到 99'],
    ['a paper size we do not stock', { paper: 'Letter' }, '纸张只能是 A3、A4、A5'],
    ['copies as text', { copies: '2' }, '1 到 99'],
    ['no printer', { printer: '' }, '请选择打印机'],
    ['a printer name with a newline', { printer: 'Desk\nPDF' }, '控制字符'],
    ['a blank title', { title: '   ' }, '文档标题'],
    ['a title with an escape character', { title: '收件\u001b凭证' }, '文档标题'],
    ['an orientation we do not know', { orientation: 'diagonal' }, '版面方向'],
    ['an extra field', { scale: 'fit' }, '不支持的字段：scale'],
  ])('refuses %s before any handler runs', async (_label, overrides, fragment) => {
    const { send, printPdf } = printChannel();
    const reply = await send(request(overrides));
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(reply.ok ? '' : reply.error.message).toContain(fragment);
    expect(printPdf).not.toHaveBeenCalled();
  });
});

describe('print outcomes and job ids', () => {
  it('take a CUPS job id, queue name and number', () => {
    expect(printJobIdSchema.parse('HP-LaserJet-12')).toBe('HP-LaserJet-12');
    expect(printJobIdSchema.safeParse('DeskPDF').success).toBe(false);
    expect(printJobIdSchema.safeParse('Desk PDF-1').success).toBe(false);
  });

  it('require a reason for every outcome but completed', () => {
    expect(printOutcomeSchema.safeParse({ state: 'completed', jobId: 'DeskPDF-1' }).success).toBe(true);
    for (const state of ['failed', 'queued', 'unknown']) {
      expect(printOutcomeSchema.safeParse({ state, jobId: 'DeskPDF-1' }).success).toBe(false);
      expect(printOutcomeSchema.safeParse({ state, jobId: 'DeskPDF-1', reason: '打印机已停止' }).success).toBe(true);
    }
  });
});
