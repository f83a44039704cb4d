import { createHandler } from '../_shared/command';
import { approveBinding } from './commands/approve-binding';
import { claimWithCode } from './commands/claim-with-code';
import { getResident } from './commands/get-resident';
import { issueClaimCode } from './commands/issue-claim-code';
import { listGroups } from './commands/list-groups';
import { listPending } from './commands/list-pending';
import { listResidents } from './commands/list-residents';
import { listVillages } from './commands/list-villages';
import { me } from './commands/me';
import { rejectBinding } from './commands/reject-binding';
import { requestBinding } from './commands/request-binding';
import { setRoles } from './commands/set-roles';

/**
 * `members`: identity and roles. A WeChat user binds to a resident record by a request their village's
 * admin approves, or with a one-time claim code an admin issued; admins set roles; anyone sees the groups.
 */
export const main = createHandler('members', {
  me,
  listVillages,
  listGroups,
  requestBinding,
  claimWithCode,
  listPending,
  approveBinding,
  rejectBinding,
  issueClaimCode,
  listResidents,
  getResident,
  setRoles,
});
