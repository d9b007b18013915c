import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatChineseDate } from '../../domain/chineseDate';
import { checkResidentIdField, shouldShowProblem } from './fieldChecks';
import { commonMessages as m } from './messages';

export interface ResidentIdInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  showErrors?: boolean;
}

const ID_LENGTH = 18;

/**
 * 居民身份证号码 with the check digit verified as it is typed; once valid, the birth date, sex and
 * province read from the number are shown under it so the clerk can compare them with the card.
 */
export function ResidentIdInput(props: ResidentIdInputProps) {
  const [touched, setTouched] = useState(false);
  const required = props.required ?? false;
  const check = checkResidentIdField(props.value, { label: props.label, required });
  const show = shouldShowProblem(props.value, touched || props.showErrors === true, ID_LENGTH);
  const typed = props.value.normalize('NFKC').replace(/\s+/gu, '').length;
  let description: string | undefined;
  if (check.ok && check.value !== null) {
    description = m.residentIdDetails(formatChineseDate(check.value.birthDate), check.value.sex, check.value.province);
  } else if (typed > 0 && typed < ID_LENGTH) {
    description = m.typedCount(typed, ID_LENGTH);
  }
  return (
    <TextInput
      label={props.label}
      value={props.value}
      required={required}
      maxLength={24}
      inputMode="text"
      autoComplete="off"
      spellCheck={false}
      description={description}
      error={!check.ok && show ? check.message : undefined}
      onBlur={() => setTouched(true)}
      // Under the input, so fields side by side keep their inputs aligned whatever the description's length.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      styles={{ input: { fontVariantNumeric: 'tabular-nums', letterSpacing: '0.04em' } }}
    />
  );
}
