import { Badge, Group, Tooltip } from '@mantine/core';
import type { ChecklistItem } from '../../domain/catalogue/checklist';
import { checklistMessages as m } from './messages';

/** 必交/选交 and the catalogue's handling flags (容缺, 告知承诺, 免提交 with its source) as small badges. */
export function ItemFlags(props: { item: ChecklistItem }) {
  const { item } = props;
  return (
    <Group gap={4} wrap="wrap">
      <Badge size="xs" variant={item.required ? 'filled' : 'outline'} color={item.required ? 'indigo' : 'gray'}>
        {item.required ? m.flags.required : m.flags.optional}
      </Badge>
      {item.deferrable ? (
        <Badge size="xs" variant="light" color="yellow">
          {m.flags.deferrable}
        </Badge>
      ) : null}
      {item.commitmentAllowed ? (
        <Badge size="xs" variant="light" color="cyan">
          {m.flags.commitment}
        </Badge>
      ) : null}
      {item.exempt !== null ? (
        <Tooltip label={m.exemptSource(item.exempt.dataSources)}>
          <Badge size="xs" variant="light" color="teal">
            {m.flags.exempt}
          </Badge>
        </Tooltip>
      ) : null}
      {item.sources.length > 1 ? (
        <Badge size="xs" variant="dot" color="gray">
          {m.flags.shared(item.sources.length)}
        </Badge>
      ) : null}
    </Group>
  );
}
