import { Badge, CloseButton, Combobox, Group, Pill, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useEffect, useEffectEvent, useMemo, useState, type Ref } from 'react';
import type { Catalogue } from '../../domain/catalogue/schema';
import { buildCatalogueIndex, searchCatalogue, type CatalogueSearchHit } from '../../domain/catalogue/search';
import { resolveSelection, type CatalogueSelection } from '../../domain/catalogue/selection';
import { intakeMessages as m } from './messages';
import { pickTarget, removeFromSelection, removeLast } from './selectionEdits';

export interface MatterPickerProps {
  catalogue: Catalogue;
  selection: CatalogueSelection | null;
  onChange: (selection: CatalogueSelection | null) => void;
  error?: string | undefined;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

const hitValue = (hit: CatalogueSearchHit) => `${hit.kind}:${hit.code}`;

/**
 * Picks matters or a bundle by Chinese, full pinyin or initials (`qykb` → 企业开办). Arrow keys move
 * through the matches, Enter picks, Escape closes the list, Backspace in the empty box removes the last pick.
 */
export function MatterPicker(props: MatterPickerProps) {
  const { catalogue, selection, onChange } = props;
  const index = useMemo(() => buildCatalogueIndex(catalogue), [catalogue]);
  const [query, setQuery] = useState('');
  const hits = useMemo(() => searchCatalogue(index, query, 12), [index, query]);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  // The best match is pre-selected whenever the matches change, so Enter takes it without an arrow key.
  const selectFirst = useEffectEvent(() => combobox.selectFirstOption());
  useEffect(() => {
    if (hits.length > 0) selectFirst();
  }, [hits]);
  const resolved = selection === null ? null : resolveSelection(catalogue, selection);

  const submit = (value: string) => {
    const hit = hits.find((candidate) => hitValue(candidate) === value);
    if (hit === undefined) return;
    onChange(pickTarget(catalogue, selection, hit));
    setQuery('');
    combobox.closeDropdown();
  };

  return (
    <Stack gap={6}>
      <Combobox store={combobox} onOptionSubmit={submit}>
        <Combobox.Target>
          <TextInput
            label={m.matters.label}
            placeholder={m.matters.placeholder}
            description={m.matters.description}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required
            autoFocus={props.autoFocus}
            ref={props.inputRef}
            value={query}
            error={props.error}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              combobox.openDropdown();
            }}
            onFocus={() => query !== '' && combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            onKeyDown={(event) => {
              if (event.key === 'Backspace' && query === '' && selection !== null) onChange(removeLast(selection));
            }}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={query.trim() === ''}>
          <Combobox.Options aria-label={m.matters.optionsLabel}>
            {hits.length === 0 ? <Combobox.Empty>{m.matters.noMatch}</Combobox.Empty> : null}
            {hits.map((hit) => (
              <Combobox.Option key={hitValue(hit)} value={hitValue(hit)}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm">{hit.name}</Text>
                  {hit.kind === 'bundle' ? (
                    <Badge size="sm" variant="light" color="grape">
                      {m.matters.bundleBadge}
                    </Badge>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {hit.department}
                    </Text>
                  )}
                </Group>
              </Combobox.Option>
            ))}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>

      {resolved?.ok === true ? (
        <Stack gap={4} aria-label={m.matters.selectedLabel} role="group">
          {resolved.bundle !== null ? (
            <Group gap="xs">
              <Badge variant="filled" color="grape">
                {m.matters.bundleBadge}
              </Badge>
              <Text fw={600}>{resolved.bundle.name}</Text>
              <CloseButton size="sm" aria-label={m.matters.remove(resolved.bundle.name)} onClick={() => onChange(null)} />
            </Group>
          ) : null}
          <Group gap={6}>
            {resolved.matters.map((matter) =>
              resolved.bundle !== null ? (
                <Pill key={matter.code}>{matter.name}</Pill>
              ) : (
                <Pill
                  key={matter.code}
                  withRemoveButton
                  removeButtonProps={{ 'aria-label': m.matters.remove(matter.name) }}
                  onRemove={() => selection !== null && onChange(removeFromSelection(selection, matter.code))}
                >
                  {matter.name}
                </Pill>
              ),
            )}
          </Group>
        </Stack>
      ) : null}
      {resolved?.ok === false ? (
        <Text size="sm" c="red" role="alert">
          {resolved.message}
        </Text>
      ) : null}
    </Stack>
  );
}
