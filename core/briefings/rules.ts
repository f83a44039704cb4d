import type { MemberIdentity } from '../roles';
import {
  SEARCH_TERM_MAX,
  SEARCH_TERMS_MAX,
  SNIPPET_CHARS,
  type BriefingScope,
  type DisclosureState,
} from './contract';

/** The briefings domain's pure rules: disclosure periods, scopes, and how search compares text. */

export function disclosureState(d: { startsAt: number; endsAt: number }, now: number): DisclosureState {
  if (now < d.startsAt) return 'upcoming';
  return now < d.endsAt ? 'open' : 'ended';
}

// ------------------------------------------------------------------------------------------------ scopes

/** A stored briefing's `scope` is `town` or a village id, so that "what may this resident see" is one `$in`. */
export const TOWN_SCOPE = 'town';

/** The stored key of a scope. */
export function scopeKey(scope: BriefingScope): string {
  return scope.kind === 'town' ? TOWN_SCOPE : scope.villageId;
}

/** The village of a stored scope key (null: the whole town). */
export function scopeVillage(key: string): string | null {
  return key === TOWN_SCOPE ? null : key;
}

/** The scopes a caller reads: the town's, and their own village's when bound. */
export function readableScopes(member: MemberIdentity | null): string[] {
  return member ? [TOWN_SCOPE, member.villageId] : [TOWN_SCOPE];
}

// ------------------------------------------------------------------------------------------------ search

/**
 * The form text is compared in: full-width letters and digits folded to half-width, lower case, runs of
 * white space as one space. Chinese punctuation stays as it is (search excerpts are cut from this text).
 * Chinese has no spaces between words, so a query matches anywhere inside the text, as residents expect.
 */
export function normalizeForSearch(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a query (space-separated; all must match), normalized, without repeats; at most 5. */
export function searchTerms(query: string): string[] {
  const terms = normalizeForSearch(query)
    .split(' ')
    .filter((t) => t !== '');
  return [...new Set(terms)].slice(0, SEARCH_TERMS_MAX).map((t) => t.slice(0, SEARCH_TERM_MAX));
}

/** A term as a literal regular expression (its special characters escaped). */
export function escapeRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** A short excerpt of `text` around the first term found, with … where it was cut. */
export function snippet(text: string, terms: string[], chars = SNIPPET_CHARS): string {
  const found = terms.map((t) => text.indexOf(t)).filter((i) => i >= 0);
  const at = found.length ? Math.min(...found) : 0;
  const start = Math.max(0, Math.min(at - Math.floor(chars / 3), text.length - chars));
  const end = Math.min(text.length, start + chars);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
