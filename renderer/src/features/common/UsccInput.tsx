import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { checkUsccField, shouldShowProblem } from './fieldChecks';
import { commonMessages as m } from './messages';

export interface UsccInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  showErrors?: boolean;
}

const USCC_LENGTH = 18;

/** 统一社会信用代码 checked as typed; when valid, the registering department and institution type are shown. */
export function UsccInput(props: UsccInputProps) {
  const [touched, setTouched] = useState(false);
  const required = props.required ?? false;
  const check = checkUsccField(props.value, { label: props.label, required });
  const show = shouldShowProblem(props.value, touched || props.showErrors === true, USCC_LENGTH);
  let description: string | undefined;
  if (check.ok && check.value !== null) {
    const { registrationAuthority: authority, institutionType: type } = check.value;
    description = m.usccDetails(authority.name ?? m.unknownCodePart(authority.code), type.name ?? m.unknownCodePart(type.code));
  }
  return (
    <TextInput
      label={props.label}
      value={props.value}
      required={required}
      maxLength={24}
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
