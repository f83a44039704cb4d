import type { ItemDoc, CommentDoc, TaskDoc, PollDoc } from '../agenda/model';
import type { BriefingDoc, CategoryDoc, VersionDoc } from '../briefings/model';
import type { CoopDoc, DistributionDoc, RosterDoc } from '../dividends/model';
import type { AppealDoc, BoardDoc, RestrictionDoc, RuleDoc } from '../honor/model';
import type {
  BindingRequestDoc,
  ClaimCodeDoc,
  GroupSummaryDoc,
  RosterChunkDoc,
  RosterImportDoc,
  SetupCodeDoc,
} from '../members/model';
import type { ChunkDoc, NoticeDoc } from '../notices/model';
import { _, db } from './cloud';
import * as C from './collections';
import type { MemberDoc, ResidentDoc, VillageDoc } from './documents';
import { AppError, isDuplicateKey } from './errors';

/**
 * The document each collection holds (names in collections.ts). A collection not listed holds small
 * bookkeeping documents read only by the module that writes them (counters, markers, reads).
 */
interface Documents {
  [C.VILLAGES]: VillageDoc;
  [C.RESIDENTS]: ResidentDoc;
  [C.MEMBERS]: MemberDoc;
  [C.BINDING_REQUESTS]: BindingRequestDoc;
  [C.CLAIM_CODES]: ClaimCodeDoc;
  [C.GROUP_SUMMARIES]: GroupSummaryDoc;
  [C.ROSTER_IMPORTS]: RosterImportDoc;
  [C.ROSTER_CHUNKS]: RosterChunkDoc;
  [C.SETUP_CODES]: SetupCodeDoc;
  [C.ITEMS]: ItemDoc;
  [C.COMMENTS]: CommentDoc;
  [C.TASKS]: TaskDoc;
  [C.POLLS]: PollDoc;
  [C.BRIEFINGS]: BriefingDoc;
  [C.VERSIONS]: VersionDoc;
  [C.CATEGORIES]: CategoryDoc;
  [C.COOPERATIVES]: CoopDoc;
  [C.ROSTERS]: RosterDoc;
  [C.DISTRIBUTIONS]: DistributionDoc;
  [C.RULES]: RuleDoc;
  [C.BOARDS]: BoardDoc;
  [C.RESTRICTIONS]: RestrictionDoc;
  [C.APPEALS]: AppealDoc;
  [C.NOTICES]: NoticeDoc;
  [C.CHUNKS]: ChunkDoc;
}

type CollectionName = (typeof C)[keyof typeof C];
export type DocOf<K extends CollectionName> = K extends keyof Documents ? Documents[K] : WxCloud.DocumentData;

/**
 * One read: the document with this `_id`, or null. (`where({_id})` rather than `doc(id).get()`, which
 * throws for a missing document; both cost one read.)
 */
export async function findById<K extends CollectionName>(
  collection: K,
  id: string,
  projection?: Record<string, boolean>,
): Promise<DocOf<K> | null> {
  let query = db.collection(collection).where({ _id: id });
  if (projection) query = query.field(projection);
  const { data } = await query.get();
  return (data[0] as DocOf<K> | undefined) ?? null;
}

/** The SDK's largest page: one read returns at most this many documents. */
export const SCAN_PAGE = 1000;

/**
 * Every document matching `where`, a page (one read) at a time in `_id` order, resuming after the last `_id`
 * seen. For work that must see a whole set; a tap never scans (it reads a page or a summary).
 */
export async function* scanPages<K extends CollectionName>(
  collection: K,
  where: object,
  options: { pageSize?: number; projection?: Record<string, boolean>; after?: string } = {},
): AsyncGenerator<DocOf<K>[]> {
  const size = options.pageSize ?? SCAN_PAGE;
  let after = options.after ?? '';
  for (;;) {
    let query = db
      .collection(collection)
      .where({ ...where, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(size);
    if (options.projection) query = query.field({ ...options.projection, _id: true });
    const { data } = await query.get();
    if (data.length) yield data as DocOf<K>[];
    if (data.length < size) return;
    after = String(data.at(-1)!._id);
  }
}

/** `scanPages`, gathered into one list. */
export async function scanAll<K extends CollectionName>(
  collection: K,
  where: object,
  options: { pageSize?: number; projection?: Record<string, boolean> } = {},
): Promise<DocOf<K>[]> {
  const out: DocOf<K>[] = [];
  for await (const page of scanPages(collection, where, options)) out.push(...page);
  return out;
}

/**
 * Adds a document whose `_id` makes it unique (one per month, per entry…): one write, or CONFLICT with
 * `taken` when that document exists already.
 */
export async function addUnique<K extends CollectionName>(
  collection: K,
  doc: DocOf<K> & { _id: string },
  taken: string,
): Promise<void> {
  try {
    await db.collection(collection).add({ data: doc });
  } catch (e) {
    if (isDuplicateKey(e)) throw new AppError('CONFLICT', taken);
    throw e;
  }
}
