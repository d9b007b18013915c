import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { requestPersistentStorage } from '../../data/storage';
import { storageLevel, type StorageLevel } from '../../domain/retention/retention';
import { retentionMessages as m } from './messages';

/** Re-read now and then: scans and archives grow through the day. */
const REFRESH_MS = 10 * 60_000;

/** `navigator.storage.estimate()` as a level, refreshed every few minutes while mounted. */
export function useStorageLevel(): StorageLevel {
  const [level, setLevel] = useState<StorageLevel>({ known: false });
  useEffect(() => {
    const read = () => void requestPersistentStorage().then((status) => setLevel(storageLevel(status.usageBytes, status.quotaBytes)));
    read();
    const timer = window.setInterval(read, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);
  return level;
}

/** For the admin's status bar: how full the desk's storage is, shown only from 80 % of the quota. */
export function StorageHint() {
  const level = useStorageLevel();
  if (!level.known || !level.warn) return null;
  return (
    <Text size="sm" c="orange" role="status" data-testid="storage-hint" style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
      {m.statusHint(m.percent(level.ratio))}
    </Text>
  );
}
