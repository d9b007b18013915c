/**
 * Hands bytes to the desk's save dialog as a download (Electron asks where to save it). The main process has
 * no channel that writes a file the clerk names (backups go to the admin's folder only), so the export uses
 * the page's own download rather than a new IPC channel.
 */
export function saveBytes(bytes: Uint8Array, fileName: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the bytes by the next task; the URL would otherwise keep them for the page's life.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
