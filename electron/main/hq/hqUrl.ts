import { hqMessages } from './messages';

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/** Hosts that are this machine: the only ones plain http may reach (the reference HQ in tests and demos). */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * HQ's base URL as the desk stores and uses it: `https://…`, or `http://` to a loopback host only, no
 * credentials, query or fragment; kept without a trailing slash so paths append as `${base}/v1/…`.
 * The token travels on every request to this URL, so a plain-http HQ on the network is refused.
 */
export function checkHqBaseUrl(raw: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: hqMessages.urlUnreadable };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: hqMessages.urlScheme };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return { ok: false, message: hqMessages.urlPlainHttp };
  if (url.username !== '' || url.password !== '') return { ok: false, message: hqMessages.urlCredentials };
  if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) return { ok: false, message: hqMessages.urlExtras };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
