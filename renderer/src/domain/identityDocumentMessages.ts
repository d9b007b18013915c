/** What the clerk reads about an identity document: its name, and what is wrong with a number typed for it. */
export const identityDocumentMessages = {
  kinds: {
    residentId: '居民身份证',
    hkMacaoPermit: '港澳居民来往内地通行证',
    taiwanPermit: '台湾居民来往大陆通行证',
    residencePermit: '港澳台居民居住证',
    foreignPermanentResident: '外国人永久居留身份证',
    passport: '护照',
  },
  /** Kinds of cases taken in before every document had its own kind; still shown on those cases. */
  legacyKinds: {
    travelPermit: '往来通行证（旧记录）',
    other: '其他证件（旧记录）',
  },
  /** A document as a case shows it: the kind before the number (a 居民身份证 number shows alone). */
  shown: (kind: string, number: string) => `${kind} ${number}`,
  shownPassport: (number: string, country: string) => `护照 ${number}（${country}）`,
  empty: (kind: string) => `请填写${kind}号码`,
  charset: (kind: string, position: number, character: string) => `${kind}号码第${position}位“${character}”不是有效字符`,
  length: (kind: string, expected: string, count: number) => `${kind}号码应为${expected}，当前为${count}位`,
  checkDigit: (kind: string) => `${kind}号码校验不通过（第18位校验码与前17位不符），请逐位核对`,
  birthDate: (kind: string, digits: string) => `${kind}号码中的出生日期“${digits}”不是实际存在的日期`,
  birthDateInFuture: (kind: string, isoDate: string) => `${kind}号码中的出生日期${isoDate}晚于今天，请核对`,
  hkMacaoPermit: {
    format: '港澳居民来往内地通行证号码应为H（香港）或M（澳门）加8位数字，旧版为H或M加10位数字',
  },
  taiwanPermit: {
    format: '台湾居民来往大陆通行证号码应为8位数字，旧版为10位数字或字母',
  },
  residencePermit: {
    prefix: '港澳台居民居住证号码应以810000（香港）、820000（澳门）或830000（台湾）开头',
  },
  foreignPermanentResident: {
    format: '外国人永久居留身份证号码应为18位（2023年版，以9开头）或15位（2017年版，3位字母加12位数字）',
    nationality: (code: string) => `外国人永久居留身份证号码中的国籍代码“${code}”不是有效的国家或地区代码`,
  },
  passport: {
    format: '护照号码应为5至17位字母或数字',
    nationalityMissing: '请选择护照的国籍',
    nationality: (code: string) => `护照国籍“${code}”不是有效的国家或地区代码（ISO 3166）`,
  },
  /** Only cases taken in before every document had its own kind may carry the kinds of before. */
  legacyKindNotTaken: '请选择证件类型',
  /** A number on the wire as the clerk typed it rather than as it is stored (upper case, no spaces). */
  notNormalised: '证件号码应为规范写法（大写字母，不含空格和括号）',
  /** A number of another kind typed under 居民身份证: the clerk picked the wrong kind. */
  otherKind: (typed: string, kind: string) => `这是${kind}号码，不是${typed}号码，请将证件类型改为${kind}`,
} as const;
