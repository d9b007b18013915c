import { NativeSelect, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { countries } from '../../domain/countries';
import { identityDocumentKinds, identityDocumentLabel, type IdentityDocumentKind } from '../../domain/identityDocuments';
import { checkIdentityDocumentField, checkNationalityField, shouldShowProblem } from './fieldChecks';
import { commonMessages as m } from './messages';
import { ResidentIdInput } from './ResidentIdInput';

/** An identity document as typed: its kind, its number, and for a passport the holder's nationality (alpha-3). */
export interface IdentityDocumentValue {
  idKind: IdentityDocumentKind;
  idNumber: string;
  nationality: string;
}

export interface IdentityDocumentFieldsProps {
  /** Whose document (申请人, 代理人, 领取人): the fields are labelled with it. */
  who: string;
  value: IdentityDocumentValue;
  onChange: (value: IdentityDocumentValue) => void;
  showErrors?: boolean;
  /** False for a person the form may leave out (a 法定代表人 not yet begun): blanks are no error then. */
  required?: boolean;
}

const kindOptions = identityDocumentKinds.map((kind) => ({ value: kind, label: identityDocumentLabel(kind) }));
const countryOptions = countries.map((country) => ({ value: country.alpha3, label: `${country.name} ${country.alpha3}` }));

/** A complete number is this long at least; its problem shows before the field is left once it is reached. */
const COMPLETE_LENGTH: Record<IdentityDocumentKind, number> = {
  residentId: 18,
  residencePermit: 18,
  foreignPermanentResident: 18,
  hkMacaoPermit: 11,
  taiwanPermit: 10,
  passport: 17,
};

/**
 * 证件类型, 证件号码 and, for a passport, 国籍: three cells of the form's grid. A 居民身份证 shows what its
 * number says (birth date, sex, province); every other kind is checked by its own format and check digit.
 */
export function IdentityDocumentFields(props: IdentityDocumentFieldsProps) {
  const { who, value, onChange } = props;
  const kind = value.idKind;
  const numberLabel = m.documentNumber(who, kind === 'residentId' ? 'residentId' : 'other');
  const required = props.required ?? true;
  const setNumber = (idNumber: string) => onChange({ ...value, idNumber });
  return (
    <>
      <NativeSelect
        label={m.documentKind(who)}
        required={required}
        data={kindOptions}
        value={kind}
        onChange={(event) => onChange({ ...value, idKind: event.currentTarget.value as IdentityDocumentKind })}
      />
      {kind === 'residentId' ? (
        <ResidentIdInput label={numberLabel} value={value.idNumber} onChange={setNumber} required={required} showErrors={props.showErrors} />
      ) : (
        <DocumentNumberInput kind={kind} label={numberLabel} value={value.idNumber} onChange={setNumber} required={required} showErrors={props.showErrors === true} />
      )}
      {kind === 'passport' ? (
        <NationalitySelect label={m.nationality(who)} value={value.nationality} onChange={(nationality) => onChange({ ...value, nationality })} showErrors={props.showErrors === true} />
      ) : null}
    </>
  );
}

function DocumentNumberInput(props: { kind: IdentityDocumentKind; label: string; value: string; onChange: (value: string) => void; required: boolean; showErrors: boolean }) {
  const [touched, setTouched] = useState(false);
  const check = checkIdentityDocumentField(props.kind, props.value, { label: props.label, required: props.required });
  const show = shouldShowProblem(props.value, touched || props.showErrors, COMPLETE_LENGTH[props.kind]);
  return (
    <TextInput
      label={props.label}
      value={props.value}
      required={props.required}
      maxLength={24}
      autoComplete="off"
      spellCheck={false}
      error={!check.ok && show ? check.message : undefined}
      onBlur={() => setTouched(true)}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      styles={{ input: { fontVariantNumeric: 'tabular-nums', letterSpacing: '0.04em' } }}
    />
  );
}

function NationalitySelect(props: { label: string; value: string; onChange: (value: string) => void; showErrors: boolean }) {
  const [touched, setTouched] = useState(false);
  const check = checkNationalityField(props.value);
  return (
    <Select
      label={props.label}
      required
      searchable
      data={countryOptions}
      value={props.value === '' ? null : props.value}
      placeholder={m.nationalityPlaceholder}
      nothingFoundMessage={m.nationalityNotFound}
      error={!check.ok && (touched || props.showErrors) ? check.message : undefined}
      onBlur={() => setTouched(true)}
      onChange={(alpha3) => props.onChange(alpha3 ?? '')}
    />
  );
}
