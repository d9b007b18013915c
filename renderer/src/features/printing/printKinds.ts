import type { LicencePaper, PrintableKind } from '../../data/printSettings';
import type { DocumentKind as TemplateKind } from '../../documents/schemas';
import type { ChannelInput } from '../../platform/desk';
import { printingMessages } from './messages';

/**
 * The archive and the sync protocol name documents by what they are to HQ; the templates by how they are
 * drawn. This is the one place the two vocabularies meet.
 */
export const templateKindOf: Readonly<Record<PrintableKind, TemplateKind>> = {
  receipt: 'receipt',
  supplementaryReceipt: 'supplementaryReceipt',
  acceptanceNotice: 'acceptanceNotice',
  deferralAcceptanceNotice: 'deferredAcceptanceNotice',
  correctionNotice: 'correctionNotice',
  refusalNotice: 'rejectionNotice',
  commitmentLetter: 'commitmentLetter',
  licenceOriginal: 'licenceOriginal',
  licenceCopy: 'licenceDuplicate',
  calibrationSheet: 'calibrationSheet',
  ledgerReport: 'ledgerReport',
};

export type Orientation = NonNullable<ChannelInput<'printPdf'>['orientation']>;

/** 正本 paper (420 × 297 mm) is landscape, and so are a calibration sheet made on it and the 督办台账's wide table; everything else portrait. */
export function orientationOf(kind: PrintableKind, calibrationPaper: LicencePaper | null = null): Orientation {
  return kind === 'licenceOriginal' || kind === 'ledgerReport' || (kind === 'calibrationSheet' && calibrationPaper === 'original') ? 'landscape' : 'portrait';
}

export const printableKindLabels: Readonly<Record<PrintableKind, string>> = printingMessages.kindLabels;
