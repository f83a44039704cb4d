/**
 * Data for the agenda bench: villages whose residents are bound members (documents shaped like
 * scripts/seed/demo.ts), and ballots written the way the `vote` transaction leaves them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { APPROVAL_OPTIONS, receiptFromBytes } from '../../core/agenda';
import { NO_ROLES, type Roles } from '../../core/roles';
import type { SeedData } from '../../local-cloud';

export const BENCH_TOWN = { id: 'bench_town', name: '迤那镇' } as const;
/** The village whose residents vote at once, the town's population as one roll, and the alliance leaders' home. */
export const VOTING_VILLAGE = { id: 'bench_zhonghai', name: '中海村' } as const;
export const TOWN_VILLAGE = { id: 'bench_quanzhen', name: '迤那全镇' } as const;
const HALL_VILLAGE = { id: 'bench_yinashequ', name: '迤那社区' } as const;

/** Round-table participants: town-level leaders of two alliance groups (residents `_id`). */
export const LEADER_IDS = ['r_bench_leader_consult', 'r_bench_leader_mediate'];

const SEEDED_AT = new Date(Date.UTC(2026, 9, 1, 2, 0, 0));
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林禄安苏龙'.split('');
const GIVEN = '建国,秀英,志强,桂芳,明华,春梅,德福,玉兰,永红,海燕,文军,金花,正祥,小芳,光荣,翠萍'.split(',');

export interface Voter {
  openid: string;
  residentId: string;
}

interface Person extends Voter {
  villageId: string;
  villageName: string;
  name: string;
  household: string;
  roles: Roles;
}

function personDocs(people: Person[]): {
  residents: Record<string, unknown>[];
  members: Record<string, unknown>[];
} {
  return {
    residents: people.map((p) => ({
      _id: p.residentId,
      townId: BENCH_TOWN.id,
      villageId: p.villageId,
      name: p.name,
      household: p.household,
      phoneMasked: null,
      openid: p.openid,
      roles: p.roles,
      source: 'seed',
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    })),
    members: people.map((p) => ({
      _id: p.openid,
      residentId: p.residentId,
      villageId: p.villageId,
      villageName: p.villageName,
      name: p.name,
      household: p.household,
      phoneMasked: null,
      roles: p.roles,
      boundAt: SEEDED_AT,
    })),
  };
}

/**
 * `count` bound residents of a village, openids `bench-<tag>-NNNNN`. The first is also the village admin (and
 * votes like everyone else, so the roll is exactly `count`).
 */
export function villagers(village: { id: string; name: string }, tag: string, count: number): Person[] {
  return Array.from({ length: count }, (_v, i) => {
    const n = String(i + 1).padStart(5, '0');
    return {
      openid: `bench-${tag}-${n}`,
      residentId: `r_bench_${tag}_${n}`,
      villageId: village.id,
      villageName: village.name,
      name: SURNAMES[i % SURNAMES.length]! + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!,
      household: `${(i % 8) + 1}组${String(Math.floor(i / 8) + 1).padStart(4, '0')}号`,
      roles: i === 0 ? { ...NO_ROLES, villageAdmin: true } : NO_ROLES,
    };
  });
}

/** The seed: the town's villages, the voting village's residents (all bound), and two alliance leaders. */
export function benchSeed(voters: Person[]): SeedData {
  const leaders: Person[] = (['consult', 'mediate'] as const).map((group, i) => ({
    openid: `bench-leader-${group}`,
    residentId: LEADER_IDS[i]!,
    villageId: HALL_VILLAGE.id,
    villageName: HALL_VILLAGE.name,
    name: ['苏德福', '龙玉兰'][i]!,
    household: `一组${String(i + 1).padStart(4, '0')}号`,
    roles: { ...NO_ROLES, groups: [{ group, level: 'town', position: 'leader' }] },
  }));
  const villages = [VOTING_VILLAGE, TOWN_VILLAGE, HALL_VILLAGE].map((v, order) => ({
    _id: v.id,
    townId: BENCH_TOWN.id,
    townName: BENCH_TOWN.name,
    name: v.name,
    kind: v === HALL_VILLAGE ? 'community' : 'village',
    order,
  }));
  return { villages, ...personDocs([...voters, ...leaders]) };
}

/** Residents and members of more villagers, to insert after start. */
export function peopleDocs(people: Person[]): SeedData {
  return personDocs(people);
}

// ------------------------------------------------------------------------------------------------ ballots
// Mirrors cloudfunctions/agenda/polls.ts (receiptHash, voteMarkerId) and the `vote` transaction; the bench
// checks the mirror against the function (checkReceipt finds an inserted receipt, getPoll says mine.voted).

export const receiptHash = (pollId: string, receipt: string) =>
  createHash('sha256').update(`${pollId}:${receipt}`).digest('hex');

export const newReceipt = () => receiptFromBytes(randomBytes(10));

export const randomApprovalChoice = () => APPROVAL_OPTIONS[Math.floor(Math.random() * 3)]!.id;

/**
 * What `vote` leaves for each voter, all at once: the marker `pollVotes/<pollId>_<residentId>`, the ballot
 * `ballots/<sha256(pollId:receipt)>` and one increment of a random tally shard of `shards`.
 */
export function castBallots(
  pollId: string,
  voters: Voter[],
  shards: number,
  day: string,
): {
  pollVotes: Record<string, unknown>[];
  ballots: Record<string, unknown>[];
  tallies: { _id: string; pollId: string; cast: number; counts: Record<string, number> }[];
  receipts: Map<string, string>;
} {
  const tallies = Array.from({ length: shards }, (_v, s) => ({
    _id: `${pollId}_${s}`,
    pollId,
    cast: 0,
    counts: {} as Record<string, number>,
  }));
  const receipts = new Map<string, string>();
  const pollVotes: Record<string, unknown>[] = [];
  const ballots: Record<string, unknown>[] = [];
  for (const v of voters) {
    const receipt = newReceipt();
    const choice = randomApprovalChoice();
    receipts.set(v.openid, receipt);
    pollVotes.push({ _id: `${pollId}_${v.residentId}`, pollId, day });
    ballots.push({ _id: receiptHash(pollId, receipt), pollId, choices: [choice] });
    const shard = tallies[Math.floor(Math.random() * shards)]!;
    shard.cast += 1;
    shard.counts[choice] = (shard.counts[choice] ?? 0) + 1;
  }
  return { pollVotes, ballots, tallies, receipts };
}

// ------------------------------------------------------------------------------------------------ tally
/** Tally shards of a poll (cloudfunctions/agenda/polls.ts TALLY_SHARDS): castBallots spreads its counters over them. */
export const TALLY_SHARDS = 64;
