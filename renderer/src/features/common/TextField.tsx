import { Textarea, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { codePointLength } from '../../domain/text';
import { checkTextField } from './fieldChecks';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  required?: boolean;
  multiline?: boolean;
  /** Show a blank required field as an error even before the clerk has visited it (after a submit). */
  showErrors?: boolean;
  description?: ReactNode;
  placeholder?: string;
  autoFocus?: boolean;
  /** For inputs found by a label that differs from the visible one. */
  ariaLabel?: string;
}

/**
 * A free-text field checked with `cleanText` as it is typed: control characters, line breaks in a
 * one-line field and over-long text are named at once; a blank required field only after it was left
 * or the form was submitted. Markup typed here stays plain text (React renders it as text).
 */
export function TextField(props: TextFieldProps) {
  const [touched, setTouched] = useState(false);
  const required = props.required ?? false;
  const check = checkTextField(props.value, { label: props.label, max: props.max, required, multiline: props.multiline ?? false });
  const blank = props.value.trim() === '';
  const error = !check.ok && (touched || props.showErrors === true || !blank) ? check.message : undefined;
  const length = codePointLength(props.value);
  const common = {
    label: props.label,
    value: props.value,
    required,
    error,
    description: props.description ?? (length > props.max * 0.8 ? `${length} / ${props.max}` : undefined),
    placeholder: props.placeholder,
    autoFocus: props.autoFocus,
    'aria-label': props.ariaLabel,
    onBlur: () => setTouched(true),
    // Under the input, so fields side by side keep their inputs aligned whatever the description's length.
    inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[],
  };
  return props.multiline === true ? (
    <Textarea {...common} autosize minRows={2} maxRows={6} onChange={(event) => props.onChange(event.currentTarget.value)} />
  ) : (
    <TextInput {...common} onChange={(event) => props.onChange(event.currentTarget.value)} />
  );
}
