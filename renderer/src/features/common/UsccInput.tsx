import { CodeInput, type CodeInputProps } from './CodeInput';
import { checkUsccField } from './fieldChecks';
import { commonMessages as m } from './messages';

const USCC_LENGTH = 18;

/** 统一社会信用代码 checked as typed; when valid, the registering department and institution type are shown. */
export function UsccInput(props: CodeInputProps) {
  return (
    <CodeInput
      {...props}
      length={USCC_LENGTH}
      check={checkUsccField}
      describe={({ registrationAuthority: authority, institutionType: type }) =>
        m.usccDetails(authority.name ?? m.unknownCodePart(authority.code), type.name ?? m.unknownCodePart(type.code))
      }
    />
  );
}
