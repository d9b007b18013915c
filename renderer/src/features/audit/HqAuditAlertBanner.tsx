import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { acknowledgeHqAuditAlert, readHqAuditAlert } from '../../data/auditAnchors';
import { deskDatabase } from '../../data/db';
import { formatChineseDateTime } from '../../domain/chineseDate';
import { can } from '../../domain/clerks/permissions';
import { useClerk } from '../clerks/ClerkContext';
import { useStoredData } from '../common/useStoredData';
import { auditLogMessages as m } from './messages';

/**
 * HQ answered that this desk's audit log no longer continues what it reported: the chief and admin see it
 * on every screen until one of them acknowledges it. Nothing is blocked.
 */
export function HqAuditAlertBanner() {
  const clerk = useClerk();
  const alert = useStoredData(() => readHqAuditAlert(deskDatabase()), []);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!can(clerk.role, 'audit.view') || alert.state !== 'ready' || alert.value === null) return null;

  const acknowledge = async () => {
    const result = await acknowledgeHqAuditAlert(deskDatabase(), clerk, new Date());
    setRefusal(result.ok ? null : result.message);
  };

  return (
    <Alert color="orange" role="alert" title={m.hqAlert.title} mb="md">
      <Text size="sm">{m.hqAlert.body(formatChineseDateTime(alert.value.at))}</Text>
      {refusal !== null ? (
        <Text size="sm" c="red">
          {refusal}
        </Text>
      ) : null}
      <Group gap="sm" mt="xs">
        <Anchor href="#/settings/audit" size="sm">
          {m.hqAlert.view}
        </Anchor>
        <Button size="xs" variant="light" color="orange" onClick={() => void acknowledge()}>
          {m.hqAlert.acknowledge}
        </Button>
      </Group>
    </Alert>
  );
}
