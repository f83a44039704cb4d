import { AUDIT_LOG } from './collections';
import { newId } from './ids';

export interface AuditEntry {
  actorOpenid: string;
  actorResidentId: string | null;
  action: string;
  /** What was acted on, e.g. `residents/r_…`. */
  target: string;
  details?: Record<string, unknown>;
}

/** Who did what and when: written in the same transaction as the change it records. */
export function audit(
  on: WxCloud.Database | WxCloud.Transaction,
  entry: AuditEntry,
  at: Date,
): Promise<unknown> {
  return on
    .collection(AUDIT_LOG)
    .add({ data: { _id: newId('a'), at, ...entry, details: entry.details ?? {} } });
}
