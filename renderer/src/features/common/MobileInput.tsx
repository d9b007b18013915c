import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { checkMobileField, shouldShowProblem } from './fieldChecks';

export interface MobileInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  showErrors?: boolean;
}

const MOBILE_LENGTH = 11;

/** Mainland mobile number; spaces, hyphens and +86 are accepted as people type them. */
export function MobileInput(props: MobileInputProps) {
  const [touched, setTouched] = useState(false);
  const required = props.required ?? false;
  const check = checkMobileField(props.value, { label: props.label, required });
  const show = shouldShowProblem(props.value, touched || props.showErrors === true, MOBILE_LENGTH);
  return (
    <TextInput
      label={props.label}
      value={props.value}
      required={required}
      type="tel"
      maxLength={20}
      autoComplete="off"
      error={!check.ok && show ? check.message : undefined}
      onBlur={() => setTouched(true)}
      // Under the input, so fields side by side keep their inputs aligned whatever the description's length.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}
