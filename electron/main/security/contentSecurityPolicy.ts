/**
 * The CSP sent with every renderer response. Inline styles are allowed because Mantine injects its
 * CSS variables at run time; scripts come only from our own origin. HQ traffic goes through the main
 * process, so the page connects nowhere but itself.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
