/**
 * Every collection the functions read or write, named once (cloudfunctions/collections.json creates them
 * with their indexes), and the document each holds (`Collections`), so `findById` and `scanAll` are typed.
 */
export const ITEMS = 'agendaItems';
export const COMMENTS = 'agendaComments';
/** `<itemId>_<residentId>`: one support per resident per item. */
export const SUPPORTS = 'agendaSupports';
/** `<itemId>_<residentId>`: one verdict per resident per item (制度监事). */
export const VERDICTS = 'agendaVerdicts';
export const TASKS = 'agendaTasks';
export const POLLS = 'polls';
/** `<pollId>_<bucket>`: the frozen voter roll, openid → residentId, in buckets by a hash of the openid. */
export const ROLLS = 'pollRolls';
/** `<pollId>_<residentId>`: that someone voted — and nothing about how. */
export const VOTES = 'pollVotes';
/** `_id` = sha256 of the voter's receipt: what was chosen — and nothing about who. */
export const BALLOTS = 'ballots';
/** `<pollId>_<shard>`: counters, spread over shards so concurrent votes rarely touch the same document. */
export const TALLIES = 'pollTallies';
export const BRIEFINGS = 'briefings';
export const VERSIONS = 'briefingVersions';
export const BRIEFING_READS = 'briefingReads';
export const CATEGORIES = 'briefingCategories';
export const VILLAGES = 'villages';
export const COOPERATIVES = 'cooperatives';
/** `coopRosters/<coopId>`: the cooperative's current shareholder roster, replaced by each import. */
export const ROSTERS = 'coopRosters';
/** `<coopId>_<year>_v<version>`: one distribution version. */
export const DISTRIBUTIONS = 'distributions';
export const RESIDENTS = 'residents';
export const RULES = 'honorRules';
export const SETTINGS = 'honorSettings';
export const BOARDS = 'honorBoards';
export const RESTRICTIONS = 'honorRestrictions';
export const APPEALS = 'honorAppeals';
export const BINDING_REQUESTS = 'bindingRequests';
export const CLAIM_CODES = 'claimCodes';
/** `rosterImports/<importId>`: a 村民名册 file checked whole, applied chunk by chunk (members/model.ts). */
export const ROSTER_IMPORTS = 'rosterImports';
/** `<importId>_<seq>`: the staged people of one chunk of an import. */
export const ROSTER_CHUNKS = 'rosterImportChunks';
/** `secrets/<name>`: generated secrets when the function environment sets none (the claim sheet's key). */
export const SECRETS = 'secrets';
/** `setupCodes/<hash of the code>`: the one-time codes bootstrap prints for a town's first admin. */
export const SETUP_CODES = 'setupCodes';
export const GROUP_SUMMARIES = 'groupSummaries';
export const NOTICES = 'notices';
/** The delivery queue: a notice's recipients in chunks of one village, each with its outcome string. */
export const CHUNKS = 'noticeChunks';
/** `<noticeId>_<openid>`: a member opened the notice. */
export const NOTICE_READS = 'noticeReads';
/** One per notice and household: the first time anyone of the household opened it. */
export const HOUSEHOLD_READS = 'noticeHouseholdReads';
/** `subscriptions/<openid>`: one-time subscribe-message consents left per template, and each decision. */
export const SUBSCRIPTIONS = 'subscriptions';
export const AUDIT_LOG = 'auditLog';
export const MEMBERS = 'members';
export const RATE_LIMITS = 'rateLimits';
