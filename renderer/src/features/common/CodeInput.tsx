import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { shouldShowProblem, type FieldCheck } from './fieldChecks';
import { commonMessages as m } from './messages';

export interface CodeInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  showErrors?: boolean;
}

interface CodeRule<T> {
  /** How many characters a complete code has; a problem waits until then unless the field is left. */
  length: number;
  check: (raw: string, rule: { label: string; required: boolean }) => FieldCheck<T | null>;
  /** What a valid code says, shown under it. */
  describe: (checked: T) => string;
}

/**
 * A fixed-length code (居民身份证号码, 统一社会信用代码) checked as it is typed: under it, while typing, how many
 * characters of how many; once valid, what the code says.
 */
export function CodeInput<T>(props: CodeInputProps & CodeRule<T>) {
  const [touched, setTouched] = useState(false);
  const required = props.required ?? false;
  const check = props.check(props.value, { label: props.label, required });
  const show = shouldShowProblem(props.value, touched || props.showErrors === true, props.length);
  const typed = props.value.normalize('NFKC').replace(/\s+/gu, '').length;
  let description: string | undefined;
  if (check.ok && check.value !== null) description = props.describe(check.value);
  else if (typed > 0 && typed < props.length) description = m.typedCount(typed, props.length);
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
