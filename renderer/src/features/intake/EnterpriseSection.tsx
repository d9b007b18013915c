import { Alert, Badge, Button, Combobox, Group, Paper, SimpleGrid, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useEffectEvent, useState } from 'react';
import { greenCardPriorityLabels, type GreenCardPriority } from '../../data/greenCards';
import type { EnterpriseId } from '../../data/records';
import { TextField } from '../common/TextField';
import { UsccInput } from '../common/UsccInput';
import { fieldLimits, type EnterpriseChoice } from './intakeFormModel';
import { intakeMessages } from './messages';

const m = intakeMessages.enterprise;

/** An enterprise the hall already knows, as the intake form shows it. */
export interface KnownEnterprise {
  readonly id: EnterpriseId;
  readonly name: string;
  readonly uscc: string | null;
  readonly address: string | null;
  /** 服务绿卡: the liaison (专员) to call; null for an ordinary enterprise. */
  readonly greenCard: { readonly liaisonName: string; readonly liaisonPhone: string; readonly priority: GreenCardPriority } | null;
}

export interface EnterpriseSectionProps {
  value: EnterpriseChoice<KnownEnterprise>;
  onChange: (value: EnterpriseChoice<KnownEnterprise>) => void;
  find: (query: string) => Promise<readonly KnownEnterprise[]>;
  problems: { choice?: string | undefined };
  showErrors: boolean;
}

/**
 * Finds the enterprise by a fragment of its name or its USCC, or registers a new one (a company being
 * founded has no USCC yet). A green-card enterprise stands out with its liaison and the priority note.
 */
export function EnterpriseSection(props: EnterpriseSectionProps) {
  const { value, onChange } = props;
  if (value.mode === 'existing') {
    return (
      <Stack gap="xs">
        <EnterpriseCard enterprise={value.enterprise} />
        <Group>
          <Button variant="subtle" size="xs" onClick={() => onChange({ mode: 'none' })}>
            {m.change}
          </Button>
        </Group>
      </Stack>
    );
  }
  if (value.mode === 'new') {
    return (
      <Stack gap="xs">
        <Group gap="xs">
          <Badge color="blue" variant="light">
            {m.newBadge}
          </Badge>
          <Text size="xs" c="dimmed">
            {m.registerNewHint}
          </Text>
        </Group>
        <SimpleGrid cols={2} spacing="sm">
          <TextField
            label={m.name}
            value={value.name}
            onChange={(name) => onChange({ ...value, name })}
            max={fieldLimits.enterpriseName}
            required
            showErrors={props.showErrors}
            autoFocus
          />
          <UsccInput label={m.uscc} value={value.uscc} onChange={(uscc) => onChange({ ...value, uscc })} showErrors={props.showErrors} />
        </SimpleGrid>
        <TextField label={m.address} value={value.address} onChange={(address) => onChange({ ...value, address })} max={fieldLimits.address} showErrors={props.showErrors} />
        <Group>
          <Button variant="subtle" size="xs" onClick={() => onChange({ mode: 'none' })}>
            {m.change}
          </Button>
        </Group>
      </Stack>
    );
  }
  return <EnterpriseFinder {...props} />;
}

function EnterpriseFinder(props: EnterpriseSectionProps) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const [found, setFound] = useState<{ query: string; list: readonly KnownEnterprise[] } | null>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const { find } = props;

  useEffect(() => {
    if (debounced === '') return;
    let current = true;
    void find(debounced).then((list) => {
      if (current) setFound({ query: debounced, list });
    });
    return () => {
      current = false;
    };
  }, [debounced, find]);

  const list = debounced !== '' && found?.query === debounced ? found.list : [];
  // When the matches arrive the best one is pre-selected, so Enter takes it (or 登记新企业 when none match).
  const selectFirst = useEffectEvent(() => combobox.selectFirstOption());
  useEffect(() => {
    if (found !== null) selectFirst();
  }, [found]);
  // What was typed in the search box carries over: a name fragment as the name, an 18-character code as the USCC.
  const registerNew = () => {
    const typed = query.trim();
    const looksLikeCode = /^[0-9A-Za-z]+$/.test(typed);
    props.onChange({ mode: 'new', name: looksLikeCode ? '' : typed, uscc: looksLikeCode && typed.length === 18 ? typed : '', address: '' });
  };

  return (
    <Group gap="sm" align="flex-end" wrap="nowrap">
      <Combobox
        store={combobox}
        onOptionSubmit={(id) => {
          if (id === '__new') {
            registerNew();
            return;
          }
          const enterprise = list.find((candidate) => candidate.id === id);
          if (enterprise !== undefined) props.onChange({ mode: 'existing', enterprise });
          combobox.closeDropdown();
        }}
      >
        <Combobox.Target>
          <TextInput
            style={{ flex: 1 }}
            label={m.searchLabel}
            placeholder={m.searchPlaceholder}
            value={query}
            error={props.showErrors ? props.problems.choice : undefined}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              combobox.openDropdown();
            }}
            onFocus={() => query !== '' && combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={debounced === ''}>
          <Combobox.Options aria-label={m.optionsLabel}>
            {list.map((enterprise) => (
              <Combobox.Option key={enterprise.id} value={enterprise.id}>
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <Text size="sm">{enterprise.name}</Text>
                  <Group gap={4} wrap="nowrap">
                    {enterprise.greenCard !== null ? (
                      <Badge size="xs" color="green" variant="filled">
                        {m.greenCard}
                      </Badge>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {enterprise.uscc ?? ''}
                    </Text>
                  </Group>
                </Group>
              </Combobox.Option>
            ))}
            {found?.query === debounced && list.length === 0 ? <Combobox.Empty>{m.noMatch}</Combobox.Empty> : null}
            <Combobox.Option value="__new">
              <Text size="sm" c="indigo">
                + {m.registerNew}
              </Text>
            </Combobox.Option>
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <Button variant="light" onClick={registerNew}>
        {m.registerNew}
      </Button>
    </Group>
  );
}

export function EnterpriseCard(props: { enterprise: KnownEnterprise }) {
  const { enterprise } = props;
  const green = enterprise.greenCard;
  return (
    <Paper withBorder p="sm" bg={green !== null ? 'green.0' : undefined} style={green !== null ? { borderColor: 'var(--mantine-color-green-6)', borderWidth: 2 } : undefined}>
      <Stack gap={4}>
        <Group gap="xs">
          <Text fw={600}>{enterprise.name}</Text>
          <Badge size="sm" variant="light" color="gray">
            {m.knownBadge}
          </Badge>
          {green !== null ? (
            <Badge size="lg" color="green" variant="filled">
              {m.greenCard}
            </Badge>
          ) : null}
        </Group>
        {enterprise.uscc !== null ? (
          <Text size="sm" ff="monospace">
            {enterprise.uscc}
          </Text>
        ) : null}
        {green !== null ? (
          <Alert color="green" variant="light" p="xs" role="status">
            <Text size="sm" fw={600}>
              {m.liaison(green.liaisonName, green.liaisonPhone)}
            </Text>
            <Text size="sm">{m.priority(greenCardPriorityLabels[green.priority])}</Text>
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
