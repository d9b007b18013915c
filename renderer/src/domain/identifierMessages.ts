/** What the clerk reads when an identifier is refused: what is wrong and where to look. */
export const identifierMessages = {
  uscc: {
    empty: '请填写统一社会信用代码',
    length: (count: number) => `统一社会信用代码应为18位，当前为${count}位`,
    charset: (position: number, character: string) =>
      `统一社会信用代码第${position}位“${character}”不是有效字符（只能是数字或大写字母，且不使用I、O、S、V、Z）`,
    divisionCode: '统一社会信用代码第3至8位是登记管理机关行政区划码，应全部为数字',
    orgCodeCheckDigit: '统一社会信用代码第9至17位（组织机构代码）校验不通过，请逐位核对第9至17位',
    checkDigit: '统一社会信用代码校验不通过（第18位校验码与前17位不符），请逐位核对',
  },
  residentId: {
    empty: '请填写居民身份证号码',
    legacyFifteenDigit: '15位的第一代身份证号码已停止使用，请填写18位居民身份证号码',
    length: (count: number) => `居民身份证号码应为18位，当前为${count}位`,
    charset: (position: number, character: string) =>
      position === 18
        ? `居民身份证号码第18位“${character}”无效，只能是数字或X`
        : `居民身份证号码第${position}位“${character}”无效，前17位只能是数字`,
    region: (code: string) => `居民身份证号码前两位“${code}”不是有效的省级行政区划代码`,
    birthDate: (digits: string) => `居民身份证号码第7至14位的出生日期“${digits}”不是实际存在的日期`,
    birthDateInFuture: (isoDate: string) => `居民身份证号码中的出生日期${isoDate}晚于今天，请核对`,
    birthDateBefore1900: (isoDate: string) => `居民身份证号码中的出生日期${isoDate}早于1900年，请核对`,
    checkDigit: '居民身份证号码校验不通过（第18位校验码与前17位不符），请逐位核对',
  },
  mobile: {
    empty: '请填写手机号码',
    notMainland: '仅支持中国大陆手机号码（+86）',
    charset: '手机号码只能包含数字，可带空格、短横线或+86前缀',
    length: (count: number) => `手机号码应为11位，当前为${count}位`,
    prefix: '手机号码应以13至19开头',
  },
  /** Other ID documents (passport, travel permit…): only the characters their numbers use. */
  idNumber: '证件号码格式不正确',
  nationality: '国籍应为ISO 3166三位字母代码',
  /** A contact number as stored: digits and dashes, an optional leading +. */
  phone: '电话号码格式不正确',
  sha256: 'SHA-256 应为 64 位小写十六进制',
} as const;
