/** One per WeChat user (`_id` derived from the openid), replaced when they ask again after a rejection. */
export interface BindingRequestDoc {
  _id: string;
  openid: string;
  villageId: string;
  name: string;
  household: string;
  phoneMasked: string;
  status: 'pending' | 'approved' | 'rejected';
  contentCheck: 'pass' | 'review';
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  reason: string | null;
  residentId: string | null;
}

/** `_id` is a hash of the code: the code itself is never stored. */
export interface ClaimCodeDoc {
  _id: string;
  residentId: string;
  villageId: string;
  issuedBy: string;
  issuedAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  usedBy: string | null;
  revokedAt: Date | null;
}

/** Per group: its leaders and member count, kept up to date by setRoles so listGroups is one read. */
export interface GroupSummaryDoc {
  _id: string;
  leaders: {
    residentId: string;
    name: string;
    level: 'town' | 'village';
    position: 'deputy' | 'leader';
    villageName: string;
  }[];
  memberCount: number;
}
