/**
 * The URLs a briefing body may carry (links and images), checked by `safeUrl`: both when Markdown is rendered
 * (rich-text.ts) and when the client re-checks stored nodes (rich-nodes.ts `sanitizeNodes`).
 */

/** Longest URL kept. */
const URL_MAX = 2048;
/** What markdown-it's normalizeLink leaves in a URL: unreserved and reserved ASCII, and %XX escapes. */
const URL_CHARS = /^[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#%]+$/;
const LONE_PERCENT = /%(?![0-9A-Fa-f]{2})/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s;

/** `host` or `host:port`: DNS labels of letters, digits and hyphens (punycode for Chinese names); no userinfo. */
function isHost(authority: string): boolean {
  const colon = authority.indexOf(':');
  const host = colon < 0 ? authority : authority.slice(0, colon);
  if (colon >= 0) {
    const port = authority.slice(colon + 1);
    if (!/^[0-9]{1,5}$/.test(port) || Number(port) > 65535) return false;
  }
  if (host.length === 0 || host.length > 253) return false;
  return host.split('.').every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label));
}

/**
 * The URL to keep, or null when it is not allowed. Links: absolute `https:`/`http:` URLs with a host name, and
 * `tel:` numbers (digits, a leading `+`, hyphens). Images: absolute `https:` URLs and `cloud://` file IDs.
 * Expects a URL as markdown-it's normalizeLink leaves it (percent-encoded, punycode host names): anything with
 * spaces, control characters, non-ASCII, quotes or angle brackets is rejected rather than repaired, and so is
 * every other scheme (`javascript:`, `data:`, `file:`...), a scheme-relative `//host` and a relative path.
 * The scheme is returned lower-cased; `safeUrl(kind, safeUrl(kind, u))` equals `safeUrl(kind, u)`.
 */
export function safeUrl(kind: 'link' | 'image', url: string): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > URL_MAX) return null;
  if (!URL_CHARS.test(url) || LONE_PERCENT.test(url)) return null;
  const match = SCHEME.exec(url);
  if (!match) return null;
  const scheme = (match[1] ?? '').toLowerCase();
  const rest = match[2] ?? '';
  if (kind === 'link' && scheme === 'tel') {
    return /^\+?[0-9][0-9-]{2,31}$/.test(rest) && /[0-9].*[0-9].*[0-9]/.test(rest) ? `tel:${rest}` : null;
  }
  if (kind === 'image' && scheme === 'cloud') {
    // cloud://<env>.<bucket>/<path>: a WeChat cloud storage file ID.
    const cloud = /^\/\/([A-Za-z0-9][A-Za-z0-9._-]*)\/([^?#]+)$/.exec(rest);
    return cloud ? `cloud:${rest}` : null;
  }
  const allowed = kind === 'link' ? scheme === 'https' || scheme === 'http' : scheme === 'https';
  if (!allowed) return null;
  const web = /^\/\/([^/?#]*)(?:[/?#].*)?$/s.exec(rest);
  if (!web || !isHost(web[1] ?? '')) return null;
  return `${scheme}:${rest}`;
}
