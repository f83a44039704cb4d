import type { MemberIdentity, Roles } from '../../core/roles';

/** The documents several functions read: the town's villages, their residents, and the bound members. */

export interface VillageDoc {
  _id: string;
  townId: string;
  townName: string;
  name: string;
  kind: 'village' | 'community';
  order: number;
  /** Its 村民小组 (bootstrap's township file); ids like `zhonghai-t01`. Older documents have none. */
  teams?: { id: string; name: string }[];
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
  /** Where the record came from: a binding request, an admin, the demo seed, a 村民名册 import, the setup code. */
  source: 'request' | 'admin' | 'seed' | 'import' | 'setup';
  /** The 村民小组 (one of the village's teams), when known. */
  teamId?: string | null;
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
