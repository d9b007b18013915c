import { formatChineseDate, formatChineseDateTime } from '../../domain/chineseDate';
import { documentMessages as m } from '../messages';
import { BODY, NoticeFlow, TABLE } from './noticeFlow';
import type { Template } from './template';

const r = m.recoverySheet;
const W = NoticeFlow.contentWidthMm;
const LABEL_MM = 36;
const HEADING = { ...BODY, bold: true } as const;
/** Lines of the hand-written passphrase box: room for a long passphrase in large handwriting. */
const PASSPHRASE_LINES = 4;

/**
 * 备份恢复单: which desk, where its backups are and how many are kept, a box for the admin to write the
 * passphrase in by hand, and the steps to restore on a new PC. One A4 page, headed as the other documents
 * but under its own reference instead of a 文号.
 */
export const recoverySheetTemplate: Template<'recoverySheet'> = {
  version: '1',
  title: () => m.titles.recoverySheet,
  draw(builder, request) {
    const flow = new NoticeFlow(builder, {
      title: m.titles.recoverySheet,
      subtitle: r.subtitle(request.window, request.deskTag),
      documentNumber: request.reference,
      caseNumber: request.reference,
      catalogueVersion: '',
      templateVersion: this.version,
      qrCaption: r.qrCaption,
      footerFacts: r.footer(request.deskTag, this.version),
    });
    const heading = (text: string) => {
      flow.space(4);
      flow.paragraph(text, HEADING, { keepWithNextMm: 12 });
      flow.space(1);
    };
    const f = r.facts;
    const labelled = [
      { title: '', widthMm: LABEL_MM, align: 'center' },
      { title: '', widthMm: W - LABEL_MM, align: 'left' },
    ] as const;

    heading(r.factsHeading);
    const last = request.lastBackup;
    flow.table(
      labelled,
      [
        [f.hall, request.agency.hallName],
        [f.window, `${request.window}（${request.deskTag}）`],
        [f.printedAt, formatChineseDate(request.issuedAt)],
        [f.folder, request.backupFolder],
        [f.keep, r.keep(request.keep)],
        [f.last, last === null ? r.noBackup : r.last(last.fileName, formatChineseDateTime(last.at))],
      ],
      TABLE,
      { header: false },
    );

    heading(r.passphraseHeading);
    // Empty rows drawn as a box: the passphrase is written here by hand, never printed.
    // A cell needs a character to get a line's height: an ideographic space, which prints as nothing.
    flow.table(labelled, Array.from({ length: PASSPHRASE_LINES }, (_, i) => [i === 0 ? r.passphraseBox : '\u3000', '\u3000']), { ...TABLE, sizePt: 14 }, { header: false });
    flow.space(2);
    flow.paragraph(r.passphraseNote, { ...BODY, sizePt: 9 });

    heading(r.stepsHeading);
    for (const step of r.steps) flow.paragraph(step, { ...BODY, sizePt: 10.5, lineHeight: 1.6 });

    flow.space(2);
    flow.signatureLine(r.signature);
    flow.finish(m.common.contact(request.agency.address, request.agency.phone));
    return [];
  },
};
