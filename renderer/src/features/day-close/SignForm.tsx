import { Button, Card, Group, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SignedInClerk } from '../../domain/clerks/account';
import { activeCatalogue } from '../../data/catalogueStore';
import { chinaIso } from '../../data/clock';
import { readAuditHead } from '../../data/audit';
import { closeDay, verifyDaySigner } from '../../data/dayClose/closeDay';
import type { DayCloseRecord } from '../../data/dayClose/record';
import { readDaySnapshot, type DaySnapshot } from '../../data/dayClose/snapshot';
import type { DeskDatabase } from '../../data/db';
import { readDeskIdentity } from '../../data/desk';
import { nextDocumentNumber } from '../../data/documentArchive/numbering';
import { readIssuingAgency } from '../../data/issuingAgency';
import { generateDocument } from '../../documents/client';
import { callDesk } from '../../platform/desk';
import { explainUnprinted } from '../../domain/dayClose/unprintedReasons';
import { dayReportRequest } from './dayReportRequest';
import { dayCloseMessages } from './messages';
import { reasonsFor, UnprintedReasonsInput } from './UnprintedDocuments';
import { ProblemAlert } from '../common/ProblemAlert';
import { requestRetentionRound } from '../retention/useBlobRetention';

const m = dayCloseMessages.sign;

export interface SignedDay {
  record: Extract<DayCloseRecord, { status: 'closed' }>;
  pdf: Uint8Array;
  printer: string | null;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Signs the day off once HQ reconciled it: the chief's credentials (checked against the stored account,
 * whoever is signed in), then the day report drawn with the signature and archived with the close. A
 * document the day's decisions asked for and nobody printed needs the chief's reason before the day is
 * signed (`unprinted`: the day's list as the page shows it).
 */
export function SignForm(props: {
  db: DeskDatabase;
  clerk: SignedInClerk;
  businessDate: string;
  unprinted: DaySnapshot['unprinted'];
  onSigned: (signed: SignedDay) => void;
}) {
  const { db, clerk, businessDate } = props;
  const [reasons, setReasons] = useState<ReadonlyMap<string, string>>(new Map());
  const [loginName, setLoginName] = useState('');
  const [password, setPassword] = useState('');
  const [printers, setPrinters] = useState<string[]>([]);
  const [printer, setPrinter] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    callDesk('listPrinters').then(
      (list) => {
        if (!current) return;
        setPrinters(list.map((entry) => entry.name));
        setPrinter((list.find((entry) => entry.isDefault) ?? list[0])?.name ?? null);
      },
      () => current && setPrinters([]),
    );
    return () => {
      current = false;
    };
  }, []);

  const sign = async () => {
    const approval = await verifyDaySigner(db, { loginName, password }, clerk);
    if (!approval.ok) return approval.message;
    const signedAt = chinaIso();
    const [agency, desk, snapshot, catalogue, auditHead] = await Promise.all([
      readIssuingAgency(db),
      readDeskIdentity(db),
      readDaySnapshot(db, businessDate),
      activeCatalogue(db),
      readAuditHead(db),
    ]);
    if (agency === null) return m.agencyMissing;
    if (desk === null) return m.deskMissing;
    if (snapshot.record?.status !== 'reconciled') return snapshot.blockers[0]?.message ?? dayCloseMessages.reconcile.refusedTitle;
    const unprintedReasons = reasonsFor(snapshot.unprinted, reasons);
    const unprinted = explainUnprinted(snapshot.unprinted, unprintedReasons);
    if (!unprinted.ok) return unprinted.message;
    const documentNumber = await nextDocumentNumber(db, 'dayReport', signedAt);
    if (!documentNumber.ok) return documentNumber.message;
    const day = { ...snapshot, unprinted: unprinted.explained };
    const request = dayReportRequest({
      snapshot: day,
      reconciledAt: snapshot.record.attempt.at,
      agency,
      desk,
      matterNames: new Map(catalogue.data.matters.map((matter) => [matter.code as string, matter.name])),
      preparedBy: clerk,
      signer: approval.value,
      signedAt,
      documentNumber: documentNumber.value,
      auditHead,
    });
    let generated;
    try {
      generated = await generateDocument(request);
    } catch (failure) {
      return m.generationFailed(describe(failure));
    }
    const report = { documentNumber: documentNumber.value, templateVersion: generated.templateId, pdf: generated.bytes, sha256: generated.sha256, printerName: printer, copies: 1 };
    const closed = await closeDay(db, { businessDate, chief: approval.value, signedAt, report, day, unprintedReasons }, clerk);
    if (!closed.ok) return closed.message;
    // The day is closed: a case may now be past the retention period.
    requestRetentionRound();
    setPassword('');
    props.onSigned({ record: closed.value, pdf: generated.bytes, printer });
    return null;
  };

  const submit = () => {
    setWorking(true);
    setError(null);
    sign()
      .then(setError, (failure: unknown) => setError(describe(failure)))
      .finally(() => setWorking(false));
  };

  return (
    <Card withBorder component="section" aria-label={m.title}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {m.title}
          </Title>
          <Text size="sm" c="dimmed">
            {m.explain}
          </Text>
          <UnprintedReasonsInput
            unprinted={props.unprinted}
            reasons={reasons}
            onChange={(key, reason) => setReasons((current) => new Map(current).set(key, reason))}
          />
          <Group align="flex-end">
            <TextInput label={m.loginName} value={loginName} onChange={(event) => setLoginName(event.currentTarget.value)} autoComplete="off" w={180} />
            <PasswordInput label={m.password} value={password} onChange={(event) => setPassword(event.currentTarget.value)} w={200} />
            {printers.length > 0 ? <Select label={m.printer} data={printers} value={printer} onChange={setPrinter} allowDeselect={false} w={240} /> : null}
            <Button type="submit" loading={working} disabled={loginName.trim() === '' || password === ''}>
              {m.action}
            </Button>
          </Group>
          {printers.length === 0 ? (
            <Text size="sm" c="dimmed">
              {m.noPrinter}
            </Text>
          ) : null}
          <ProblemAlert problem={error} />
        </Stack>
      </form>
    </Card>
  );
}
