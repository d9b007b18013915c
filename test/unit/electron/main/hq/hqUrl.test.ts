import { describe, expect, it } from 'vitest';
import { checkHqBaseUrl } from '../../../../../electron/main/hq/hqUrl';

describe('checkHqBaseUrl', () => {
  it.each([
    ['https://hq.example.gov.cn', 'https://hq.example.gov.cn'],
    ['  https://hq.example.gov.cn/desk-api/  ', 'https://hq.example.gov.cn/desk-api'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
  ])('accepts %s as %s', (raw, url) => {
    expect(checkHqBaseUrl(raw)).toEqual({ ok: true, url });
  });

  it.each([
    ['plain http on the network', 'http://10.0.0.5:8787'],
    ['plain http to a name that only looks local', 'http://127.0.0.1.example.com'],
    ['a file URL', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['credentials', 'https://desk:secret@hq.example.gov.cn'],
    ['a fragment', 'https://hq.example.gov.cn/#x'],
    ['an empty query', 'https://hq.example.gov.cn/?'],
    ['no scheme', 'hq.example.gov.cn'],
  ])('refuses %s', (_label, raw) => {
    expect(checkHqBaseUrl(raw)).toMatchObject({ ok: false, message: expect.any(String) });
  });
});
