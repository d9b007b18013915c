import { SimpleGrid } from '@mantine/core';
import { IdentityDocumentFields } from '../common/IdentityDocumentFields';
import { PhoneInput } from '../common/PhoneInput';
import { TextField } from '../common/TextField';
import { fieldLimits, type PartyForm } from './intakeFormModel';

export interface PartyFieldsProps {
  value: PartyForm;
  onChange: (value: PartyForm) => void;
  /** Whose details (申请人, 代理人), which labels the document fields. */
  who: string;
  labels: { name: string; mobile: string };
  showErrors: boolean;
  /** False while a person the form may leave out is not begun; the phone may be optional on its own. */
  required?: boolean;
  mobileRequired?: boolean;
}

/** Name, identity document (kind, number, a passport's nationality) and phone of the applicant or the agent. */
export function PartyFields(props: PartyFieldsProps) {
  const { value, onChange, labels } = props;
  const required = props.required ?? true;
  return (
    <SimpleGrid cols={3} spacing="sm">
      <TextField label={labels.name} value={value.name} onChange={(name) => onChange({ ...value, name })} max={fieldLimits.personName} required={required} showErrors={props.showErrors} />
      <IdentityDocumentFields who={props.who} value={value} onChange={(document) => onChange({ ...value, ...document })} required={required} showErrors={props.showErrors} />
      <PhoneInput label={labels.mobile} value={value.mobile} onChange={(mobile) => onChange({ ...value, mobile })} required={required && (props.mobileRequired ?? true)} showErrors={props.showErrors} />
    </SimpleGrid>
  );
}
