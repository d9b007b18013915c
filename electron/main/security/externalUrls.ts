/**
 * Hosts the desk may open in the system browser: government portals a clerk points applicants to.
 * Anything else (other schemes, other hosts, credentials in the URL) is refused.
 */
export const externalHostAllowList: readonly string[] = ['www.gov.cn', 'www.samr.gov.cn', 'zwfw.samr.gov.cn', 'www.gsxt.gov.cn'];

export function isAllowedExternalUrl(raw: string, allowList: readonly string[] = externalHostAllowList): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && allowList.includes(url.hostname);
}
