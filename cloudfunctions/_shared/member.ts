import type { MemberDoc } from './documents';
import { MEMBERS } from './collections';
import { findById } from './store';

/** One read: the caller's binding (`members/<openid>`), or null when not bound. */
export function loadMember(openid: string): Promise<MemberDoc | null> {
  return findById(MEMBERS, openid);
}
