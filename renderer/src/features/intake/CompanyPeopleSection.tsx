import { Button, Fieldset, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IdentityDocumentFields } from '../common/IdentityDocumentFields';
import { TextField } from '../common/TextField';
import { emptyShareholderForm, fieldLimits, legalRepresentativeBegun, type PartyForm, type ShareholderForm } from './intakeFormModel';
import { intakeMessages as m } from './messages';
import { PartyFields } from './PartyFields';

export interface CompanyPeopleSectionProps {
  legalRepresentative: PartyForm;
  shareholders: readonly ShareholderForm[];
  onChange: (people: { legalRepresentative: PartyForm; shareholders: ShareholderForm[] }) => void;
  showErrors: boolean;
}

/**
 * For a company being founded: its 法定代表人 (optional on the form; in full once begun, the phone still
 * optional) and its natural-person shareholders, one row each, added and removed by the clerk.
 */
export function CompanyPeopleSection(props: CompanyPeopleSectionProps) {
  const { legalRepresentative, shareholders, onChange } = props;
  const begun = legalRepresentativeBegun(legalRepresentative);
  const setShareholders = (next: ShareholderForm[]) => onChange({ legalRepresentative, shareholders: next });
  return (
    <>
      <Fieldset legend={m.sections.legalRepresentative} variant="filled">
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {m.legalRepresentative.hint}
          </Text>
          <PartyFields
            value={legalRepresentative}
            onChange={(person) => onChange({ legalRepresentative: person, shareholders: [...shareholders] })}
            who={m.legalRepresentative.who}
            labels={m.legalRepresentative}
            required={begun}
            mobileRequired={false}
            showErrors={props.showErrors && begun}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={m.sections.shareholders} variant="filled">
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {shareholders.length === 0 ? m.shareholders.empty : m.shareholders.hint}
          </Text>
          {shareholders.map((shareholder, index) => {
            const labels = m.shareholders.labels(index + 1);
            const change = (next: ShareholderForm) => setShareholders(shareholders.map((row, at) => (at === index ? next : row)));
            return (
              // Rows are only appended and removed, and a removed row's fields go with it: the index is its identity.
              <Stack key={index} gap={4} role="group" aria-label={m.shareholders.row(index + 1)}>
                <SimpleGrid cols={3} spacing="sm">
                  <TextField label={labels.name} value={shareholder.name} onChange={(name) => change({ ...shareholder, name })} max={fieldLimits.personName} required showErrors={props.showErrors} />
                  <IdentityDocumentFields who={labels.who} value={shareholder} onChange={(document) => change({ ...shareholder, ...document })} showErrors={props.showErrors} />
                </SimpleGrid>
                <Group justify="flex-end">
                  <Button variant="subtle" color="red" size="xs" onClick={() => setShareholders(shareholders.filter((_, at) => at !== index))}>
                    {m.shareholders.remove(index + 1)}
                  </Button>
                </Group>
              </Stack>
            );
          })}
          <Group>
            <Button variant="light" size="xs" onClick={() => setShareholders([...shareholders, emptyShareholderForm()])}>
              {m.shareholders.add}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </>
  );
}
