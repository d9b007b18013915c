import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { verifyAuditLog } from '../../data/audit';
import { deskDatabase } from '../../data/db';
import type { AuditChainVerdict } from '../../domain/audit/verifyAuditChain';
import { unexpectedErrorText } from './errorText';
import { clerkMessages as m } from './messages';

type CheckState = { kind: 'idle' } | { kind: 'checking' } | { kind: 'done'; verdict: AuditChainVerdict } | { kind: 'failed'; message: string };

/** Runs the audit-log verifier on demand (chief and admin) and says plainly what it found. */
export function AuditCheckSection() {
  const [check, setCheck] = useState<CheckState>({ kind: 'idle' });

  const run = async () => {
    setCheck({ kind: 'checking' });
    try {
      setCheck({ kind: 'done', verdict: await verifyAuditLog(deskDatabase()) });
    } catch (error) {
      setCheck({ kind: 'failed', message: unexpectedErrorText(error) });
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="audit-check-title">
      <Title id="audit-check-title" order={2} size="h4" mb="sm">
        {m.settings.auditTitle}
      </Title>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{m.settings.auditIntro}</Text>
        <Button variant="light" loading={check.kind === 'checking'} onClick={() => void run()}>
          {m.settings.auditVerify}
        </Button>
        {check.kind === 'done' && check.verdict.ok && (
          <Alert color="teal" role="status">
            {m.settings.auditIntact(check.verdict.head?.seq ?? 0)}
          </Alert>
        )}
        {check.kind === 'done' && !check.verdict.ok && (
          <Alert color="red" role="alert" title={m.settings.auditBroken}>
            {check.verdict.message}
          </Alert>
        )}
        {check.kind === 'failed' && (
          <Alert color="red" role="alert">
            {check.message}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
