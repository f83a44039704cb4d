import { membersInput, type MembersOutput } from '../../../core/members';
import { defineCommand } from '../../_shared/command';
import { allVillages } from './lookups';

/** The town's villages and communities, for pickers. Public. One read. */
export const listVillages = defineCommand({
  action: 'listVillages',
  input: membersInput.listVillages,
  async run(): Promise<MembersOutput['listVillages']> {
    const villages = await allVillages();
    return {
      townName: villages[0]?.townName ?? '',
      villages: villages.map((v) => ({ id: v._id, name: v.name, kind: v.kind })),
    };
  },
});
