import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { shellMessages } from './messages';

/** A section whose work lands in a later release: says what it will hold, offers no controls. */
export function PlaceholderPage(props: { title: string; summary: string; upcoming: readonly string[] }) {
  return (
    <Stack gap="md" maw={760}>
      <Group gap="sm">
        <Title order={1} size="h2">
          {props.title}
        </Title>
        <Badge color="gray" variant="outline">
          {shellMessages.notYetAvailable}
        </Badge>
      </Group>
      <Text>{props.summary}</Text>
      <List spacing="xs">
        {props.upcoming.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
      <Text c="dimmed" size="sm">
        {shellMessages.placeholderNote}
      </Text>
    </Stack>
  );
}
