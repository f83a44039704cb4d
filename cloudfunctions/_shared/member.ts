import type { MemberIdentity, Roles } from '../../core/roles';
import { db } from './cloud';

/** `members/<openid>`: the binding of a WeChat user to a resident record, with the roles copied for one-read checks. */
export interface MemberDoc extends MemberIdentity {
  _id: string;
  name: string;
  /** Copied from the resident record and the village so that `me` is one read. */
  villageName: string;
  household: string;
  phoneMasked: string | null;
  roles: Roles;
  boundAt: Date;
}

export const MEMBERS = 'members';

export async function loadMember(openid: string): Promise<MemberDoc | null> {
  const { data } = await db.collection(MEMBERS).where({ _id: openid }).get();
  return (data[0] as MemberDoc | undefined) ?? null;
}
