/** What the clerk reads when a phone number is refused. */
export const phoneMessages = {
  empty: '请填写联系电话',
  notNumber: '联系电话只能包含数字，可带空格、短横线、括号和国际区号（如+852）',
  unknownCountry: '国际区号无效，请核对“+”后的国家或地区代码',
  tooShort: (place: string) => `${place}号码位数不足，请核对`,
  tooLong: (place: string) => `${place}号码位数过多，请核对`,
  invalid: (place: string) => `不是有效的${place}号码，请核对`,
  mainland: '中国大陆手机或固定电话',
  abroad: (country: string) => `${country}电话`,
  /** Added to a refused mainland number: the two mistakes that make a good number look wrong. */
  mainlandHint: '（固定电话请带区号，如0816-2345678；境外号码请以“+国际区号”开头）',
} as const;
