/**
 * Identifiers a counter clerk types in: the enterprise's 统一社会信用代码 (GB 32100-2015, with its
 * GB 11714 organisation code), a person's 居民身份证号码 (GB 11643-1999) and a mainland mobile number.
 * Each `check…` normalises what people actually type (full-width characters, lower case, spaces) and
 * either returns the canonical value with what can be read from it, or one error with a Chinese message.
 */
import { z } from 'zod';
import type { Brand } from './brand';
import { formatIsoDate, isRealDate, localToday, parseIsoDate, toEpochDay, type CivilDate } from './civilDate';
import { identifierMessages } from './identifierMessages';

export type Uscc = Brand<string, 'Uscc'>;
export type ResidentId = Brand<string, 'ResidentId'>;
export type MobileNumber = Brand<string, 'MobileNumber'>;

export interface IdentifierError<Kind extends string> {
  readonly kind: Kind;
  readonly message: string;
}

export type IdentifierCheck<Details, Kind extends string> =
  | ({ readonly ok: true } & Details)
  | { readonly ok: false; readonly error: IdentifierError<Kind> };

function refuse<Kind extends string>(kind: Kind, message: string) {
  return { ok: false as const, error: { kind, message } };
}

/** Full-width forms to ASCII (NFKC), whitespace removed, letters upper-cased. */
function normaliseCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

// ---------------------------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015)

/** The 31 characters a USCC may use, in check-digit value order (no I, O, S, V, Z). */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weight of position i is 3^i mod 31. */
const USCC_WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
/** GB 11714 organisation-code weights for the 8 body characters. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

interface RegistrationAuthority {
  readonly name: string;
  readonly institutionTypes: Readonly<Record<string, string>>;
}

// GB 32100-2015 table of registration departments and institution types, with the later additions
// (A, N). Used for display only: a code missing here is not refused, because new departments get
// codes over time and the check digits already catch typing errors.
const REGISTRATION_AUTHORITIES: Readonly<Record<string, RegistrationAuthority>> = {
  '1': { name: '机构编制', institutionTypes: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', institutionTypes: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    institutionTypes: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  '4': { name: '文化', institutionTypes: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', institutionTypes: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    institutionTypes: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  '7': { name: '宗教', institutionTypes: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', institutionTypes: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商（市场监管）', institutionTypes: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', institutionTypes: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', institutionTypes: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', institutionTypes: { '1': '其他' } },
};

export interface CodeWithName {
  readonly code: string;
  /** Null when the code is not in the published table. */
  readonly name: string | null;
}

export interface UsccDetails {
  readonly value: Uscc;
  /** Position 1: 登记管理部门. */
  readonly registrationAuthority: CodeWithName;
  /** Position 2: 机构类别. */
  readonly institutionType: CodeWithName;
  /** Positions 3–8: 登记管理机关行政区划码. */
  readonly divisionCode: string;
  /** Positions 9–17: the GB 11714 organisation code (8 body characters and its check character). */
  readonly orgCode: string;
}

export type UsccErrorKind = 'empty' | 'length' | 'charset' | 'divisionCode' | 'orgCodeCheckDigit' | 'checkDigit';
export type UsccCheck = IdentifierCheck<UsccDetails, UsccErrorKind>;

function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_CHARSET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 values digits as themselves and letters A–Z as 10–35. */
function orgCodeCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += parseInt(body.charAt(i), 36) * (ORG_CODE_WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export function checkUscc(raw: string): UsccCheck {
  const messages = identifierMessages.uscc;
  const code = normaliseCode(raw);
  if (code === '') return refuse('empty', messages.empty);
  const characters = [...code];
  if (characters.length !== 18) return refuse('length', messages.length(characters.length));
  const badIndex = characters.findIndex((character) => !USCC_CHARSET.includes(character));
  const bad = characters[badIndex];
  if (bad !== undefined) return refuse('charset', messages.charset(badIndex + 1, bad));
  const divisionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(divisionCode)) return refuse('divisionCode', messages.divisionCode);
  const orgCode = code.slice(8, 17);
  // The narrower organisation-code check goes first: when both fail, it tells the clerk where to look.
  if (orgCodeCheckCharacter(orgCode.slice(0, 8)) !== orgCode.charAt(8)) {
    return refuse('orgCodeCheckDigit', messages.orgCodeCheckDigit);
  }
  if (usccCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) return refuse('checkDigit', messages.checkDigit);
  const authority = REGISTRATION_AUTHORITIES[code.charAt(0)];
  return {
    ok: true,
    value: code as Uscc,
    registrationAuthority: { code: code.charAt(0), name: authority?.name ?? null },
    institutionType: { code: code.charAt(1), name: authority?.institutionTypes[code.charAt(1)] ?? null },
    divisionCode,
    orgCode,
  };
}

export function isValidUscc(code: string): boolean {
  return checkUscc(code).ok;
}

// ---------------------------------------------------------------------------------------------
// 居民身份证号码 (GB 11643-1999)

/** GB/T 2260 province-level codes; 83 is used by residence permits for Taiwan residents. */
const PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省',
  '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省',
  '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区',
  '61': '陕西省', '62': '甘肃省', '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区',
  '71': '台湾省', '81': '香港特别行政区', '82': '澳门特别行政区', '83': '台湾地区（居住证）',
};

export type Sex = '男' | '女';

export interface ResidentIdDetails {
  readonly value: ResidentId;
  /** Positions 1–6: the address code where the number was first issued. */
  readonly regionCode: string;
  readonly province: string;
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  /** From the 17th digit: odd for men, even for women. */
  readonly sex: Sex;
}

export type ResidentIdErrorKind =
  | 'empty'
  | 'legacyFifteenDigit'
  | 'length'
  | 'charset'
  | 'region'
  | 'birthDate'
  | 'birthDateInFuture'
  | 'birthDateBefore1900'
  | 'checkDigit';
export type ResidentIdCheck = IdentifierCheck<ResidentIdDetails, ResidentIdErrorKind>;

const EARLIEST_BIRTH_DATE: CivilDate = { year: 1900, month: 1, day: 1 };

/**
 * ISO 7064 MOD 11-2: weights 2^(17-i) mod 11, check value (12 - sum mod 11) mod 11, 10 written X. Also the
 * check character of 港澳台居民居住证 and of the 2023 外国人永久居留身份证.
 */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17.charAt(i)) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/**
 * @param today `YYYY-MM-DD` used for the not-in-the-future rule; defaults to this machine's local date.
 */
export function checkResidentId(raw: string, today?: string): ResidentIdCheck {
  const messages = identifierMessages.residentId;
  const id = normaliseCode(raw);
  if (id === '') return refuse('empty', messages.empty);
  if (/^\d{15}$/.test(id)) return refuse('legacyFifteenDigit', messages.legacyFifteenDigit);
  const characters = [...id];
  if (characters.length !== 18) return refuse('length', messages.length(characters.length));
  const badIndex = characters.findIndex((character, index) => !(/^\d$/.test(character) || (index === 17 && character === 'X')));
  const bad = characters[badIndex];
  if (bad !== undefined) return refuse('charset', messages.charset(badIndex + 1, bad));

  const province = PROVINCES[id.slice(0, 2)];
  if (!province) return refuse('region', messages.region(id.slice(0, 2)));

  const birthDigits = id.slice(6, 14);
  const birth = { year: Number(id.slice(6, 10)), month: Number(id.slice(10, 12)), day: Number(id.slice(12, 14)) };
  if (!isRealDate(birth.year, birth.month, birth.day)) return refuse('birthDate', messages.birthDate(birthDigits));
  const birthDate = formatIsoDate(birth);
  if (toEpochDay(birth) < toEpochDay(EARLIEST_BIRTH_DATE)) {
    return refuse('birthDateBefore1900', messages.birthDateBefore1900(birthDate));
  }
  if (toEpochDay(birth) > toEpochDay(resolveToday(today))) {
    return refuse('birthDateInFuture', messages.birthDateInFuture(birthDate));
  }

  if (residentIdCheckCharacter(id.slice(0, 17)) !== id.charAt(17)) return refuse('checkDigit', messages.checkDigit);
  return {
    ok: true,
    value: id as ResidentId,
    regionCode: id.slice(0, 6),
    province,
    birthDate,
    sex: Number(id.charAt(16)) % 2 === 1 ? '男' : '女',
  };
}

/** The date a birth date may not be after: `today` as `YYYY-MM-DD`, or this machine's local date. */
export function resolveToday(today: string | undefined): CivilDate {
  if (today === undefined) return localToday();
  const parsed = parseIsoDate(today);
  // A bad `today` is a programming error, not something the clerk typed.
  if (!parsed) throw new RangeError(`today must be YYYY-MM-DD, got ${JSON.stringify(today)}`);
  return parsed;
}

export function isValidResidentId(id: string): boolean {
  return checkResidentId(id).ok;
}

// ---------------------------------------------------------------------------------------------
// Mainland mobile numbers

export type MobileErrorKind = 'empty' | 'notMainland' | 'charset' | 'length' | 'prefix';
export type MobileCheck = IdentifierCheck<{ readonly value: MobileNumber }, MobileErrorKind>;

/** Accepts spaces, hyphens and a +86 or 86 prefix around the 11 digits; the value is the bare 11 digits. */
export function checkMobile(raw: string): MobileCheck {
  const messages = identifierMessages.mobile;
  let number = raw.normalize('NFKC').replace(/[\s-]+/gu, '');
  if (number === '') return refuse('empty', messages.empty);
  if (number.startsWith('+86')) number = number.slice(3);
  else if (number.startsWith('+')) return refuse('notMainland', messages.notMainland);
  else if (number.length === 13 && number.startsWith('86')) number = number.slice(2);
  if (!/^\d+$/.test(number)) return refuse('charset', messages.charset);
  if (number.length !== 11) return refuse('length', messages.length(number.length));
  if (!/^1[3-9]/.test(number)) return refuse('prefix', messages.prefix);
  return { ok: true, value: number as MobileNumber };
}

// ---------------------------------------------------------------------------------------------
// Boundary schemas: parse stored or received values into the branded types, with the same messages.

function identifierSchema<T, Kind extends string>(check: (raw: string) => IdentifierCheck<{ readonly value: T }, Kind>) {
  return z.string().transform((raw, ctx): T => {
    const result = check(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.error.message });
    return z.NEVER;
  });
}

export const usccSchema = identifierSchema(checkUscc);
export const residentIdSchema = identifierSchema((raw) => checkResidentId(raw));
export const mobileNumberSchema = identifierSchema(checkMobile);
