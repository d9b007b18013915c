import { SimpleGrid } from '@mantine/core';
import { MobileInput } from '../common/MobileInput';
import { ResidentIdInput } from '../common/ResidentIdInput';
import { TextField } from '../common/TextField';
import { fieldLimits, type PartyForm } from './intakeFormModel';

export interface PartyFieldsProps {
  value: PartyForm;
  onChange: (value: PartyForm) => void;
  labels: { name: string; idNumber: string; mobile: string };
  showErrors: boolean;
}

/** Name, resident ID (with the birth date and sex read from it) and mobile of the applicant or the agent. */
export function PartyFields(props: PartyFieldsProps) {
  const { value, onChange, labels } = props;
  return (
    <SimpleGrid cols={3} spacing="sm">
      <TextField label={labels.name} value={value.name} onChange={(name) => onChange({ ...value, name })} max={fieldLimits.personName} required showErrors={props.showErrors} />
      <ResidentIdInput label={labels.idNumber} value={value.idNumber} onChange={(idNumber) => onChange({ ...value, idNumber })} required showErrors={props.showErrors} />
      <MobileInput label={labels.mobile} value={value.mobile} onChange={(mobile) => onChange({ ...value, mobile })} required showErrors={props.showErrors} />
    </SimpleGrid>
  );
}
