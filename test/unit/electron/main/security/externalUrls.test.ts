import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../../../electron/main/security/externalUrls';

describe('isAllowedExternalUrl', () => {
  it('allows an https page on an allow-listed government host', () => {
    expect(isAllowedExternalUrl('https://www.gov.cn/zhengce/')).toBe(true);
  });

  it.each([
    ['plain http', 'http://www.gov.cn/'],
    ['a host not on the list', 'https://example.com/'],
    ['a look-alike suffix', 'https://www.gov.cn.evil.com/'],
    ['credentials in the URL', 'https://user:pw@www.gov.cn/'],
    ['a non-default port', 'https://www.gov.cn:8443/'],
    ['a file URL', 'file:///etc/passwd'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['not a URL', 'www.gov.cn'],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
