/**
 * The headers of every `/admin` response. The console's script comes only
 * from its own files and talks only to this origin; no page may frame it.
 * Styles allow inline attributes because the component library (Mantine)
 * sets CSS variables through `style` attributes and one `<style>` element;
 * scripts allow nothing inline.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export const CONSOLE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Hashed build output never changes under its name. */
export const HASHED_FILE_CACHING = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files, so a browser must revalidate it every time. */
export const ENTRY_FILE_CACHING = 'no-cache';
