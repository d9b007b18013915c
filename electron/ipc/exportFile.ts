import { z } from 'zod';

/** An exported spreadsheet is a zip: its bytes start with "PK\x03\x04". */
const xlsxMagic = [0x50, 0x4b, 0x03, 0x04];
export const maxExportBytes = 64 * 1024 * 1024;

/**
 * 另存为 of an export the desk made (the 督办台账's .xlsx): the renderer offers a name, the person picks where
 * in the system's save dialog, the main process writes the bytes there. Only spreadsheets, only by a name
 * with no folder in it: the renderer never names a path on disk.
 */
export const saveExportInputSchema = z
  .object({
    suggestedName: z
      .string()
      .min(6)
      .max(120)
      .regex(/^[^/\\:*?"<>|\p{Cc}]+\.xlsx$/u, { error: '导出文件名应为不含路径的 .xlsx 文件名' }),
    bytes: z
      .instanceof(Uint8Array, { error: '导出内容必须是字节数据' })
      .refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= maxExportBytes, { error: '导出文件为空或过大' })
      .refine((bytes) => xlsxMagic.every((byte, index) => bytes[index] === byte), { error: '导出内容不是 Excel 文件' }),
  })
  .strict();
export type SaveExportInput = z.infer<typeof saveExportInputSchema>;

/** Where the file was written, or that the person closed the dialog without saving. */
export const saveExportOutputSchema = z.discriminatedUnion('saved', [z.object({ saved: z.literal(true), path: z.string().min(1) }), z.object({ saved: z.literal(false) })]);
export type SaveExportOutput = z.infer<typeof saveExportOutputSchema>;
