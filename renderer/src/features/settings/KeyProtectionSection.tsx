import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { deskKeyState, type DeskKeyState } from '../../data/crypto/deskKeys';
import { deskDatabase } from '../../data/db';
import { acknowledgeFixedPassword, readFixedPasswordAcknowledgement } from '../../data/keyProtection';
import { can } from '../../domain/clerks/permissions';
import { formatChineseDateTime } from '../../domain/chineseDate';
import { useClerk } from '../clerks/ClerkContext';
import { readyValue, useStoredData } from '../common/useStoredData';
import { settingsMessages } from './messages';

const m = settingsMessages.keyProtection;
const readAcknowledgement = () => readFixedPasswordAcknowledgement(deskDatabase());

/**
 * 数据加密: how this desk's data key is protected. On a Linux without a key store the admin reads why
 * that matters and acknowledges it before the desk stores any personal data.
 */
export function KeyProtectionSection() {
  const [keys, setKeys] = useState<DeskKeyState | null>(null);
  useEffect(() => {
    void deskKeyState().then(setKeys);
  }, []);
  return (
    <Card withBorder component="section" aria-labelledby="key-protection-title">
      <Title id="key-protection-title" order={2} size="h4" mb="xs">
        {m.title}
      </Title>
      {keys === null ? null : keys.state === 'unavailable' ? (
        <Alert color="red" role="alert" title={m.unavailableTitle}>
          {m.problems[keys.problem]}
        </Alert>
      ) : keys.protection === 'osKeyStore' ? (
        <Text>{m.keyStore}</Text>
      ) : (
        <FixedPassword />
      )}
    </Card>
  );
}

function FixedPassword() {
  const clerk = useClerk();
  const acknowledgement = useStoredData(readAcknowledgement, []);
  const [refusal, setRefusal] = useState<string | null>(null);
  const acknowledge = async () => {
    const result = await acknowledgeFixedPassword(deskDatabase(), clerk);
    setRefusal(result.ok ? null : result.message);
  };
  const stored = readyValue(acknowledgement);
  return (
    <Stack gap="sm">
      <Alert color="orange" title={m.fixedPasswordTitle}>
        <Stack gap="xs">
          {m.fixedPassword.map((paragraph) => (
            <Text key={paragraph} size="sm">
              {paragraph}
            </Text>
          ))}
        </Stack>
      </Alert>
      {acknowledgement.state === 'failed' ? (
        <Alert color="red" role="alert">
          {acknowledgement.message}
        </Alert>
      ) : null}
      {refusal === null ? null : (
        <Alert color="red" role="alert">
          {refusal}
        </Alert>
      )}
      {stored !== null ? (
        <Text role="status">{m.acknowledged(stored.displayName, formatChineseDateTime(stored.at))}</Text>
      ) : acknowledgement.state !== 'ready' ? null : can(clerk.role, 'settings.manage') ? (
        <div>
          <Button color="orange" onClick={() => void acknowledge()}>
            {m.acknowledge}
          </Button>
        </div>
      ) : (
        <Text>{m.askAdmin}</Text>
      )}
    </Stack>
  );
}
