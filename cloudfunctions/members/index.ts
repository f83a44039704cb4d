import { createHandler, withTimer } from '../_shared/command';
import { approveBinding } from './commands/approve-binding';
import { claimSetup } from './commands/claim-setup';
import { claimSheet } from './commands/claim-sheet';
import { claimWithCode } from './commands/claim-with-code';
import { continueRosterImport } from './commands/continue-roster-import';
import { exportClaimSheet } from './commands/export-claim-sheet';
import { getResident } from './commands/get-resident';
import { getRosterImport } from './commands/get-roster-import';
import { issueClaimCode } from './commands/issue-claim-code';
import { listGroups } from './commands/list-groups';
import { listPending } from './commands/list-pending';
import { listResidents } from './commands/list-residents';
import { listVillages } from './commands/list-villages';
import { me } from './commands/me';
import { rejectBinding } from './commands/reject-binding';
import { requestBinding } from './commands/request-binding';
import { setRoles } from './commands/set-roles';
import { startRosterImport } from './commands/start-roster-import';
import { resumeAbandoned } from './resume';

/**
 * `members`: identity and roles. A WeChat user binds to a resident record by a request their village's
 * admin approves, or with a one-time claim code an admin issued or printed on the claim sheet; admins set
 * roles and import the 村民名册 in resumable chunks; anyone sees the groups. The timer trigger in config.json
 * (every five minutes) finishes any import whose page was closed before the end.
 */
const handle = createHandler('members', {
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
  startRosterImport,
  continueRosterImport,
  getRosterImport,
  claimSheet,
  claimSetup,
  exportClaimSheet,
});

export const main = withTimer(handle, 'resumeImports', resumeAbandoned);
