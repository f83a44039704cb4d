import type { MemberIdentity, Roles } from '../../core/roles';

/** The documents several functions read: the town's villages, their residents, and the bound members. */

export interface VillageDoc {
  _id: string;
  townId: string;
  townName: string;
  name: string;
  kind: 'village' | 'community';
  order: number;
}

/** A village's roster entry. `openid` is set once a WeChat user is bound to it. */
export interface ResidentDoc {
  _id: string;
  townId: string;
  villageId: string;
  name: string;
  household: string;
  phoneMasked: string | null;
  openid: string | null;
  roles: Roles;
  source: 'request' | 'admin' | 'seed';
  createdAt: Date;
  updatedAt: Date;
}

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
