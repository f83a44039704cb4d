import { defineCommand } from '../../_shared/command';
import { allVillages } from '../policy';

/** The town's villages and communities, for pickers. Public. One read. */
export const listVillages = defineCommand('members', 'listVillages', {
  async run() {
    const villages = await allVillages();
    return {
      townName: villages[0]?.townName ?? '',
      villages: villages.map((v) => ({ id: v._id, name: v.name, kind: v.kind })),
    };
  },
});
