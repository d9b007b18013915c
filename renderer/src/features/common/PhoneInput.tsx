import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatPhone } from '../../domain/phone';
import { checkPhoneField, shouldShowProblem } from './fieldChecks';
import { commonMessages as m } from './messages';

export interface PhoneInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  showErrors?: boolean;
}

/** A mainland mobile has 11 digits: a wrong one shows as soon as they are typed. */
const MOBILE_LENGTH = 11;

/**
 * A phone number: a mainland mobile or landline as dialled (spaces, hyphens and +86 accepted), or a number
 * abroad with + and its country code. Once valid, the number is shown under it as it will be read back.
 */
export function PhoneInput(props: PhoneInputProps) {
  const [touched, setTouched] = useState(false);
  const required = props.required ?? false;
  const check = checkPhoneField(props.value, { label: props.label, required });
  const show = shouldShowProblem(props.value, touched || props.showErrors === true, MOBILE_LENGTH);
  const description = check.ok && check.value !== null ? formatPhone(check.value) : m.phoneHint;
  return (
    <TextInput
      label={props.label}
      value={props.value}
      required={required}
      type="tel"
      maxLength={24}
      autoComplete="off"
      description={description}
      error={!check.ok && show ? check.message : undefined}
      onBlur={() => setTouched(true)}
      // Under the input, so fields side by side keep their inputs aligned whatever the description's length.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}
