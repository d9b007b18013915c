import { formatChineseDate } from '../../domain/chineseDate';
import { CodeInput, type CodeInputProps } from './CodeInput';
import { checkResidentIdField } from './fieldChecks';
import { commonMessages as m } from './messages';

const ID_LENGTH = 18;

/**
 * 居民身份证号码 with the check digit verified as it is typed; once valid, the birth date, sex and
 * province read from the number are shown under it so the clerk can compare them with the card.
 */
export function ResidentIdInput(props: CodeInputProps) {
  return (
    <CodeInput
      {...props}
      length={ID_LENGTH}
      check={(raw, rule) => checkResidentIdField(raw, rule)}
      describe={(details) => m.residentIdDetails(formatChineseDate(details.birthDate), details.sex, details.province)}
    />
  );
}
