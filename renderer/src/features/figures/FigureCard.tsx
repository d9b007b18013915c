import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { figuresScreenMessages as m } from './messages';

/** One figure: its title, the chart or table (or 暂无数据 when it has no data), and how it is computed. */
export function FigureCard(props: { title: string; how: string; empty: boolean; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="md" data-testid={props.testId}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {props.title}
        </Title>
        {props.empty ? (
          <Text c="dimmed" py="lg" ta="center">
            {m.noData}
          </Text>
        ) : (
          props.children
        )}
        <Text size="xs" c="dimmed">
          {props.how}
        </Text>
      </Stack>
    </Card>
  );
}
