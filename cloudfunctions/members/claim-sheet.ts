import type { VillageDoc } from '../_shared/documents';
import { CLAIM_CODES, RESIDENTS } from '../_shared/collections';
import { formatClaimCode } from '../../core/members/claim-code';
import type { ClaimSheetHousehold } from '../../core/members/imports';
import { derivedId } from '../_shared/ids';
import { scanAll } from '../_shared/store';
import type { ClaimCodeDoc } from './model';
import { sheetCode, sheetSecret } from './sheet-codes';

/**
 * The claim sheet of a village: every resident not yet bound who has a live claim-sheet code, by household in
 * the order of 村民小组 and 户号, with the code re-derived (sheet-codes.ts; a code whose hash is not the stored
 * document's id is left out). A few reads for the whole village (a village has a few thousand residents).
 */
export async function villageSheet(
  village: VillageDoc,
  now: number,
): Promise<{ households: ClaimSheetHousehold[]; withoutCode: number }> {
  const residents = (await scanAll(
    RESIDENTS,
    { villageId: village._id, openid: null },
    { projection: { name: true, household: true, teamId: true } },
  )) as { _id: string; name: string; household: string; teamId?: string | null }[];
  const codes = (await scanAll(CLAIM_CODES, {
    villageId: village._id,
    usedAt: null,
    revokedAt: null,
  })) as ClaimCodeDoc[];
  const live = new Map<string, ClaimCodeDoc>();
  for (const c of codes) {
    if (!c.nonce || new Date(c.expiresAt).getTime() <= now) continue;
    const prev = live.get(c.residentId);
    if (!prev || new Date(prev.issuedAt) < new Date(c.issuedAt)) live.set(c.residentId, c);
  }
  const secret = live.size ? await sheetSecret() : '';
  const teams = village.teams ?? [];
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const teamOrder = new Map(teams.map((t, i) => [t.id, i]));
  const byHousehold = new Map<string, ClaimSheetHousehold & { order: number }>();
  let withoutCode = 0;
  for (const r of residents) {
    const claim = live.get(r._id);
    const code = claim ? sheetCode(secret, r._id, claim.nonce!) : null;
    if (!claim || !code || derivedId('claim', code) !== claim._id) {
      withoutCode += 1;
      continue;
    }
    const teamId = r.teamId ?? null;
    const k = `${teamId ?? ''}\u0000${r.household}`;
    let h = byHousehold.get(k);
    if (!h) {
      h = {
        household: r.household,
        teamName: teamId ? (teamName.get(teamId) ?? null) : null,
        people: [],
        order: teamId ? (teamOrder.get(teamId) ?? teams.length) : -1,
      };
      byHousehold.set(k, h);
    }
    h.people.push({
      residentId: r._id,
      name: r.name,
      code: formatClaimCode(code),
      expiresAt: new Date(claim.expiresAt).getTime(),
    });
  }
  const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
  const households = [...byHousehold.values()]
    .sort((a, b) => a.order - b.order || collator.compare(a.household, b.household))
    .map(({ order: _order, ...h }) => ({
      ...h,
      people: h.people.sort((a, b) => collator.compare(a.name, b.name)),
    }));
  return { households, withoutCode };
}
