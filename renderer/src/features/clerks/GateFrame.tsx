import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { shellMessages } from '../shell/messages';

/** The plain page around the screens shown before anyone is signed in: app name, one card. */
export function GateFrame(props: { title: string; width?: number; children: ReactNode }) {
  return (
    <Center mih="100vh" p="lg" bg="gray.1">
      <Stack gap="md" w={props.width ?? 420}>
        <div>
          <Text fw={700} size="xl">
            {shellMessages.appName}
          </Text>
          <Text c="dimmed" size="sm">
            {shellMessages.appSubtitle}
          </Text>
        </div>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="md">
            <Title order={1} size="h3">
              {props.title}
            </Title>
            {props.children}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}
