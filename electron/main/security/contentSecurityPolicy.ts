/**
 * The CSP of the renderer. Inline styles are allowed because Mantine injects its CSS variables at run
 * time; scripts come only from our own origin, and WebAssembly may be compiled (not eval'd) because the
 * PDF worker subsets fonts with HarfBuzz's wasm and pdf.js decodes JPEG 2000 and JBIG2 scans with its own
 * (fetched from our origin, app://desk/pdfjs/). HQ traffic goes through the main process, so the page
 * connects nowhere but itself.
 */
const directives = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** Sent as a header with every app:// response. */
export const contentSecurityPolicy = [...directives, "frame-ancestors 'none'"].join('; ');

/** Also written into index.html at build time, so the policy holds even if the page is loaded another way. */
export const metaContentSecurityPolicy = directives.join('; ');
