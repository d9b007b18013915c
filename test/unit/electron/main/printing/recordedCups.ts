/**
 * Outputs recorded from a real CUPS 2.4.2 (Debian 12, cups-filters 1.28, cups-pdf 3.0.1) with
 * LC_ALL=C.UTF-8, exactly as the print service runs the tools; the IPP bodies are Get-Job-Attributes
 * responses from the same scheduler, base64-encoded. The service is tested by replaying them.
 */

/** `lpstat -l -p -d`: a described idle queue, a queue disabled with `cupsdisable -r 'paper jam'`, a default. */
export const lpstatStopped = `printer DeskBroken is idle.  enabled since Sat Nov 28 02:10:53 2026
\tForm mounted:
\tContent types: any
\tPrinter types: unknown
\tDescription: 前台激光打印机 A
\tAlerts: none
\tLocation: 
\tConnection: direct
\tInterface: /etc/cups/ppd/DeskBroken.ppd
\tOn fault: no alert
\tAfter fault: continue
\tUsers allowed:
\t\t(all)
\tForms allowed:
\t\t(none)
\tBanner required
\tCharset sets:
\t\t(none)
\tDefault pitch:
\tDefault page size:
\tDefault port settings:
printer DeskPDF disabled since Sat Nov 28 02:16:12 2026 -
\tpaper jam
\tForm mounted:
\tContent types: any
\tPrinter types: unknown
\tDescription: DeskPDF
\tAlerts: paused
\tLocation: 
\tConnection: direct
\tInterface: /etc/cups/ppd/DeskPDF.ppd
\tOn fault: no alert
\tAfter fault: continue
\tUsers allowed:
\t\t(all)
\tForms allowed:
\t\t(none)
\tBanner required
\tCharset sets:
\t\t(none)
\tDefault pitch:
\tDefault page size:
\tDefault port settings:
system default destination: DeskPDF
`;

/** `lpstat -l -p -d` while DeskPDF prints a job. */
export const lpstatBusy = `printer DeskBroken is idle.  enabled since Sat Nov 28 02:10:53 2026
\tForm mounted:
\tContent types: any
\tPrinter types: unknown
\tDescription: 前台激光打印机 A
\tAlerts: none
\tLocation: 
\tConnection: direct
\tInterface: /etc/cups/ppd/DeskBroken.ppd
\tOn fault: no alert
\tAfter fault: continue
\tUsers allowed:
\t\t(all)
\tForms allowed:
\t\t(none)
\tBanner required
\tCharset sets:
\t\t(none)
\tDefault pitch:
\tDefault page size:
\tDefault port settings:
printer DeskPDF now printing DeskPDF-13.  enabled since Sat Nov 28 02:16:30 2026
\tForm mounted:
\tContent types: any
\tPrinter types: unknown
\tDescription: DeskPDF
\tAlerts: none
\tLocation: 
\tConnection: direct
\tInterface: /etc/cups/ppd/DeskPDF.ppd
\tOn fault: no alert
\tAfter fault: continue
\tUsers allowed:
\t\t(all)
\tForms allowed:
\t\t(none)
\tBanner required
\tCharset sets:
\t\t(none)
\tDefault pitch:
\tDefault page size:
\tDefault port settings:
system default destination: DeskPDF
`;

/** `lpstat -l -p DeskPDF` while disabled with `cupsdisable -r 'paper jam'`. */
export const lpstatOneStopped = `printer DeskPDF disabled since Sat Nov 28 02:18:24 2026 -
\tpaper jam
\tForm mounted:
\tContent types: any
\tPrinter types: unknown
\tDescription: DeskPDF
\tAlerts: paused
\tLocation: 
\tConnection: direct
\tInterface: /etc/cups/ppd/DeskPDF.ppd
\tOn fault: no alert
\tAfter fault: continue
\tUsers allowed:
\t\t(all)
\tForms allowed:
\t\t(none)
\tBanner required
\tCharset sets:
\t\t(none)
\tDefault pitch:
\tDefault page size:
\tDefault port settings:
`;

/** `lpstat -l -p DeskPDF` while idle. */
export const lpstatOneIdle = `printer DeskPDF is idle.  enabled since Sat Nov 28 02:18:24 2026
\tForm mounted:
\tContent types: any
\tPrinter types: unknown
\tDescription: DeskPDF
\tAlerts: none
\tLocation: 
\tConnection: direct
\tInterface: /etc/cups/ppd/DeskPDF.ppd
\tOn fault: no alert
\tAfter fault: continue
\tUsers allowed:
\t\t(all)
\tForms allowed:
\t\t(none)
\tBanner required
\tCharset sets:
\t\t(none)
\tDefault pitch:
\tDefault page size:
\tDefault port settings:
`;

/** `lpstat -l -p -d` on a scheduler without any queue: exit 1. */
export const lpstatNoQueues = { code: 1, stdout: 'no system default destination\n', stderr: 'lpstat: No destinations added.\n' };

/** `lpstat -l -p -d` with cupsd stopped: exit 1. */
export const lpstatSchedulerDown = { code: 1, stdout: 'no system default destination\n', stderr: 'lpstat: Scheduler is not running.\n' };

export const lpstatRunning = 'scheduler is running\n';
export const lpstatNotRunning = 'scheduler is not running\n';
export const lpstatServerSocket = '/run/cups/cups.sock\n';

export const lpAccepted = 'request id is DeskPDF-10 (1 file(s))\n';
/** lp says this both for an unknown queue and when the scheduler is down. */
export const lpNoSuchPrinter = { code: 1, stdout: '', stderr: 'lp: Error - The printer or class does not exist.\n' };
export const lpNotAccepting = { code: 1, stdout: '', stderr: 'lp: Destination "DeskBroken" is not accepting jobs.\n' };
export const lpBadCopies = { code: 1, stdout: '', stderr: 'lp: Error - copies must be 1 or more.\n' };

/** Get-Job-Attributes answers, by what the job had come to. */
export const ippJob = {
  /** job-state 5, job-printing. */
  processing: 'AQEAAAAAAAEBRwASYXR0cmlidXRlcy1jaGFyc2V0AAV1dGYtOEgAG2F0dHJpYnV0ZXMtbmF0dXJhbC1sYW5ndWFnZQACZW4CIwAJam9iLXN0YXRlAAQAAAAFRAARam9iLXN0YXRlLXJlYXNvbnMADGpvYi1wcmludGluZwM=',
  /** job-state 9 with processing-to-stop-point: the cups-pdf file was written. */
  completed: 'AQEAAAAAAAEBRwASYXR0cmlidXRlcy1jaGFyc2V0AAV1dGYtOEgAG2F0dHJpYnV0ZXMtbmF0dXJhbC1sYW5ndWFnZQACZW4CIwAJam9iLXN0YXRlAAQAAAAJRAARam9iLXN0YXRlLXJlYXNvbnMAGHByb2Nlc3NpbmctdG8tc3RvcC1wb2ludEEAGWpvYi1wcmludGVyLXN0YXRlLW1lc3NhZ2UAAAM=',
  /** job-state 7, same reasons as completed: what lpstat cannot tell apart. */
  canceled: 'AQEAAAAAAAEBRwASYXR0cmlidXRlcy1jaGFyc2V0AAV1dGYtOEgAG2F0dHJpYnV0ZXMtbmF0dXJhbC1sYW5ndWFnZQACZW4CIwAJam9iLXN0YXRlAAQAAAAHRAARam9iLXN0YXRlLXJlYXNvbnMAGHByb2Nlc3NpbmctdG8tc3RvcC1wb2ludAM=',
  /** job-state 6, job-completed-with-errors: a damaged PDF the filter could not read. */
  filterFailed: 'AQEAAAAAAAEBRwASYXR0cmlidXRlcy1jaGFyc2V0AAV1dGYtOEgAG2F0dHJpYnV0ZXMtbmF0dXJhbC1sYW5ndWFnZQACZW4CIwAJam9iLXN0YXRlAAQAAAAGRAARam9iLXN0YXRlLXJlYXNvbnMAGWpvYi1jb21wbGV0ZWQtd2l0aC1lcnJvcnNBABlqb2ItcHJpbnRlci1zdGF0ZS1tZXNzYWdlAHBsb2FkRmlsZW5hbWUgZmFpbGVkOiAvdmFyL3Nwb29sL2N1cHMvZDAwMDAzLTAwMTogdW5hYmxlIHRvIGZpbmQgdHJhaWxlciBkaWN0aW9uYXJ5IHdoaWxlIHJlY292ZXJpbmcgZGFtYWdlZCBmaWxlAw==',
  /** job-state 3, reasons none: waiting, here behind the disabled DeskPDF. */
  pending: 'AQEAAAAAAAEBRwASYXR0cmlidXRlcy1jaGFyc2V0AAV1dGYtOEgAG2F0dHJpYnV0ZXMtbmF0dXJhbC1sYW5ndWFnZQACZW4CIwAJam9iLXN0YXRlAAQAAAADRAARam9iLXN0YXRlLXJlYXNvbnMABG5vbmUD',
  /** job-state 4, job-hold-until-specified (lp -H indefinite). */
  held: 'AQEAAAAAAAEBRwASYXR0cmlidXRlcy1jaGFyc2V0AAV1dGYtOEgAG2F0dHJpYnV0ZXMtbmF0dXJhbC1sYW5ndWFnZQACZW4CIwAJam9iLXN0YXRlAAQAAAAERAARam9iLXN0YXRlLXJlYXNvbnMAGGpvYi1ob2xkLXVudGlsLXNwZWNpZmllZAM=',
  /** status 0x0406 client-error-not-found, "Job #999 does not exist." */
  notFound: 'AQEEBgAAAAEBRwASYXR0cmlidXRlcy1jaGFyc2V0AAV1dGYtOEgAG2F0dHJpYnV0ZXMtbmF0dXJhbC1sYW5ndWFnZQACZW5BAA5zdGF0dXMtbWVzc2FnZQAYSm9iICM5OTkgZG9lcyBub3QgZXhpc3QuAw==',
} as const;

/** Our Get-Job-Attributes request for job 12 as user root, request id 7; CUPS answered it. */
export const getJobAttributesRequestHex =
  '010100090000000701470012617474726962757465732d6368617273657400057574662d3848001b617474726962757465732d6e61747572616c2d6c616e67756167650002656e4500076a6f622d75726900176970703a2f2f6c6f63616c686f73742f6a6f62732f313242001472657175657374696e672d757365722d6e616d650004726f6f744400147265717565737465642d6174747269627574657300096a6f622d737461746544000000116a6f622d73746174652d726561736f6e7344000000116a6f622d73746174652d6d65737361676544000000196a6f622d7072696e7465722d73746174652d6d65737361676503';
