import { TextInput } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { formatChineseDate, parseChineseDateEntry, shiftIsoDate } from '../../domain/chineseDate';
import { commonMessages } from './messages';

const m = commonMessages.date;

export interface ChineseDateInputProps {
  label: string;
  /** The date as stored (`YYYY-MM-DD`), or '' for none. */
  value: string;
  /** The date typed, as stored, or '' while the field names no real day. */
  onChange: (value: string) => void;
  /** Earliest and latest dates allowed (`YYYY-MM-DD`), said under the field when passed. */
  min?: string | undefined;
  max?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  error?: string | undefined;
}

const shown = (value: string) => (value === '' ? '' : formatChineseDate(value));

function rangeProblem(value: string, min: string | undefined, max: string | undefined): string | null {
  if (min !== undefined && value < min) return m.before(formatChineseDate(min));
  if (max !== undefined && value > max) return m.after(formatChineseDate(max));
  return null;
}

/**
 * A date entered and shown the Chinese way (2026年12月8日) whatever the machine's locale, where the
 * browser's own date field would show 12/08/2026. Typed as people do (2026-12-8, 20261208, full-width
 * digits), shown as 2026年12月8日 once the clerk leaves the field; ↑ and ↓ move it a day.
 */
export function ChineseDateInput(props: ChineseDateInputProps) {
  const { value, onChange, min, max } = props;
  const [text, setText] = useState(() => shown(value));
  const [touched, setTouched] = useState(false);

  // A value set from outside (a reset, a default) replaces what is shown; the clerk's own typing does not.
  useEffect(() => {
    setText((current) => ((parseChineseDateEntry(current) ?? '') === value ? current : shown(value)));
  }, [value]);

  const enter = (typed: string) => {
    setText(typed);
    onChange(parseChineseDateEntry(typed) ?? '');
  };

  const step = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    const next = shiftIsoDate(value, event.key === 'ArrowUp' ? 1 : -1);
    if (next === null) return;
    event.preventDefault();
    setText(shown(next));
    onChange(next);
  };

  const unreadable = touched && text.trim() !== '' && parseChineseDateEntry(text) === null;
  const problem = unreadable ? m.unreadable : value === '' ? null : rangeProblem(value, min, max);
  return (
    <TextInput
      label={props.label}
      value={text}
      required={props.required}
      disabled={props.disabled}
      autoComplete="off"
      spellCheck={false}
      placeholder="2026年12月8日"
      description={m.hint}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={problem ?? props.error}
      onChange={(event) => enter(event.currentTarget.value)}
      onKeyDown={step}
      onBlur={() => {
        setTouched(true);
        if (value !== '') setText(shown(value));
      }}
    />
  );
}
