/**
 * The briefings figures of `npm run bench`: list and search latency with 5,000 briefings, through the local
 * HTTP gateway (`POST /api/briefings` with `X-Openid`, as the H5 build calls it) against the built functions,
 * the real manifest, the demo seed and fsync on.
 *
 * 5,000 briefings are inserted directly, shaped as `publish` stores them (Markdown, its safe nodes, the search
 * text): bodies of 800–2,000 characters of policy vocabulary, the six seeded categories, ~80% for the town and
 * the rest for single villages, ~10% disclosures, ~3% withdrawn, published over two years. A rare word is in
 * exactly three bodies (never a title or summary). One more briefing is published through the function and
 * must come back in `list` and `search`; the rare word must find exactly the three, over every page.
 *
 * Then, as resident demo-resident-001 (中海村), sequential calls after a warm-up: the first page of `list`, a
 * category's first page, page 3 through cursors, `search` for the rare word (every body is scanned, three
 * hits) and for a common word (first page). Median and p95 of each; the goal (≤ 100 ms) is on the p95.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../tools/build-cloud';
import { DEFAULT_CATEGORIES, type BriefingsOutput } from '../../core/briefings';
import { newBriefing } from '../../cloudfunctions/briefings/document';
import { DEMO_GROUP_LEADERS, DEMO_VILLAGES, demoResidentOpenid } from '../demo/identities';
import type { Result } from '../../core/result';
import type { BriefingDoc } from '../../cloudfunctions/briefings/model';
import { demoSeed } from '../demo/seed';
import { callOk, fmtMs, startBenchCloud } from './cloud';
import { coresUsed, cpuMark } from './cpu';
import { Gateway } from './gateway';
import { figure, p95, type Figure } from './stats';

const BRIEFINGS = Number(process.env.BENCH_BRIEFINGS ?? 5000);
const INSERT_BATCH = 500;
const WARMUP = 30;
const TIMED = Number(process.env.BENCH_BRIEFING_CALLS ?? 100);
const GOAL_MS = 100;
/** In exactly three bodies: no word of the vocabulary has 荞. */
const RARE = '荞麦示范基地';
/** In most bodies: one word of the vocabulary. */
const COMMON = '乡村振兴';
const READER = demoResidentOpenid(1);
const READER_VILLAGE = 'zhonghai';
const PUBLISHER = DEMO_GROUP_LEADERS.policy;
const DAY = 86_400_000;

type Action = keyof BriefingsOutput;

const briefings = <A extends Action>(
  gw: Gateway,
  openid: string,
  action: A,
  input: Record<string, unknown>,
) => callOk<BriefingsOutput[A]>(gw, 'briefings', openid, action, input);

// ------------------------------------------------------------------------------------------------ documents

/** A seeded linear congruential generator: the same briefings on every run (the dates follow today). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 4_294_967_296;
}

const TERMS = (
  '乡村振兴,耕地地力保护补贴,实际种粮农民一次性补贴,农业保险,城乡居民基本医疗保险,城乡居民基本养老保险,' +
  '最低生活保障,特困人员救助供养,临时救助,防止返贫动态监测,脱贫人口,小额信贷,产业帮扶资金,高标准农田,' +
  '农村人居环境整治,农村改厕,生活垃圾收运,农村饮水安全,农村危房改造,易地扶贫搬迁,义务教育,学生营养改善计划,' +
  '雨露计划,生源地助学贷款,家庭医生签约服务,慢性病门诊,大病保险,医疗救助,农民专业合作社,村集体经济,' +
  '土地承包经营权,宅基地,集体林权,退耕还林,生态护林员,公益性岗位,劳务输出,职业技能培训,马铃薯,玉米,烤烟,' +
  '中药材,肉牛养殖,生猪养殖,种植结构调整,病虫害统防统治,测土配方施肥,农机购置补贴,冷链物流,农村电商服务站,' +
  '惠民惠农一卡通,便民服务站,村务公开,村规民约,红白理事会,移风易俗,法律援助,人民调解,禁毒宣传,反电信诈骗,' +
  '安全生产,森林防火,地质灾害防治,防汛抗旱,道路交通安全,新时代文明实践站,农民讲习所,网格员,村民代表大会,' +
  '村务监督委员会,申请材料,居民身份证,户口簿,社会保障卡,确权面积,补助标准,发放时间,办理流程,咨询电话,' +
  '资格认证,参保缴费,缴费档次,政府补贴,个人账户,待遇领取,异地就医备案,门诊报销,住院报销,起付线,报销比例'
).split(',');
const VERBS =
  '落实,申请,核实,公示,发放,办理,宣传,组织,开展,推进,加强,做好,统筹,确保,提高,保障,鼓励,支持,引导,规范'.split(
    ',',
  );
const LINKS = '按照,根据,对于,围绕,结合,通过,关于,针对,依托,聚焦'.split(',');
const HEADINGS = '政策内容,适用对象,申请条件,办理流程,补助标准,发放方式,注意事项,监督举报'.split(',');
const TITLE_ENDS = '政策解读,实施方案,工作通知,补助标准说明,办理指南,宣传提纲,公示,问答'.split(',');

/** Builds deterministic Markdown bodies, titles and summaries from the vocabulary. */
class Writer {
  constructor(readonly random: () => number) {}

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)]!;
  }

  sentence(): string {
    const clauses = 1 + Math.floor(this.random() * 3);
    const parts = Array.from({ length: clauses }, () => {
      const term = this.random() < 0.08 ? `**${this.pick(TERMS)}**` : this.pick(TERMS);
      return `${this.pick(LINKS)}${this.pick(TERMS)}${this.pick(VERBS)}${term}`;
    });
    return `${parts.join('，')}。`;
  }

  paragraph(): string {
    return Array.from({ length: 2 + Math.floor(this.random() * 4) }, () => this.sentence()).join('');
  }

  /** Sections with headings, paragraphs, lists and quotes until about `chars` characters. */
  body(chars: number): string[] {
    const blocks: string[] = [];
    let length = 0;
    while (length < chars) {
      const r = this.random();
      const block =
        r < 0.15
          ? `## ${this.pick(TERMS)}${this.pick(HEADINGS)}`
          : r < 0.3
            ? Array.from({ length: 2 + Math.floor(this.random() * 3) }, (_v, i) =>
                this.random() < 0.5 ? `${i + 1}. ${this.sentence()}` : `- ${this.sentence()}`,
              ).join('\n')
            : r < 0.35
              ? `> ${this.sentence()}`
              : this.paragraph();
      blocks.push(block);
      length += block.length;
    }
    return blocks;
  }

  title(): string {
    return `${2025 + Math.floor(this.random() * 2)}年${this.pick(TERMS)}${this.pick(TITLE_ENDS)}`.slice(
      0,
      40,
    );
  }

  summary(): string {
    return `${this.sentence()}${this.sentence()}`.slice(0, 120);
  }
}

/** What `publish` stores (cloudfunctions/briefings/document.ts), for content it would accept. */
function stored(
  id: string,
  c: Pick<
    BriefingDoc,
    'title' | 'summary' | 'body' | 'categoryId' | 'scope' | 'scopeLabel' | 'attachments' | 'disclosure'
  > &
    Pick<BriefingDoc, 'publishedAt' | 'authorName'>,
): BriefingDoc {
  const { publishedAt, authorName, ...written } = c;
  return newBriefing(id, written, { openid: PUBLISHER, name: authorName }, publishedAt).doc;
}

/**
 * `count` briefings, the rare word planted in the bodies of three the reader sees (early, middle and last in
 * the collection), and edits, withdrawals and 已学习 counts where a real town would have them.
 */
function briefingDocs(count: number, authorName: string): { docs: BriefingDoc[]; planted: string[] } {
  const w = new Writer(lcg(20_260_501));
  const now = Date.now();
  const plantAt = new Set([Math.floor(count * 0.05), Math.floor(count * 0.5), count - 1]);
  const villages = DEMO_VILLAGES.map((v) => ({ id: v.id, name: v.name }));
  const planted: string[] = [];
  const docs = Array.from({ length: count }, (_v, i) => {
    const id = `b_${createHash('sha256').update(`bench-briefing-${i}`).digest('hex').slice(0, 20)}`;
    const village = plantAt.has(i) || w.random() < 0.8 ? null : w.pick(villages);
    const blocks = w.body(780 + Math.floor(w.random() * 1100));
    if (plantAt.has(i)) {
      const at = 1 + Math.floor(w.random() * (blocks.length - 1));
      blocks.splice(at, 0, `${w.pick(LINKS)}${RARE}${w.pick(VERBS)}${w.pick(TERMS)}，${w.sentence()}`);
      planted.push(id);
    }
    const publishedAt = new Date(now - DAY - Math.floor(w.random() * 730 * DAY));
    const starts = publishedAt.getTime() + DAY;
    const doc = stored(id, {
      title: w.title(),
      summary: w.summary(),
      body: blocks.join('\n\n'),
      categoryId: w.pick(DEFAULT_CATEGORIES).id,
      scope: village?.id ?? 'town',
      scopeLabel: village?.name ?? '全镇',
      attachments:
        w.random() < 0.15
          ? [{ fileId: `cloud://local-dev.bench/briefings/${id}.pdf`, name: '政策原文' }]
          : [],
      disclosure:
        w.random() < 0.1
          ? { startsAt: new Date(starts), endsAt: new Date(starts + 7 * DAY * (1 + (i % 4))) }
          : null,
      publishedAt,
      authorName,
    });
    if (w.random() < 0.1) {
      doc.version = 2 + Math.floor(w.random() * 2);
      doc.updatedAt = new Date(publishedAt.getTime() + Math.floor(w.random() * 10 * DAY));
    }
    if (!plantAt.has(i) && w.random() < 0.03) {
      doc.status = 'withdrawn';
      doc.withdrawReason = '政策已调整，以新通知为准';
      doc.withdrawnAt = new Date(publishedAt.getTime() + 3 * DAY);
      doc.updatedAt = doc.withdrawnAt;
    }
    for (let k = Math.floor(w.random() * 4); k > 0; k--) {
      const learned = Math.floor(w.random() * 120);
      const v = village ?? w.pick(villages);
      doc.learnedByVillage[v.id] = (doc.learnedByVillage[v.id] ?? 0) + learned;
      doc.learnedCount += learned;
    }
    return doc;
  });
  return { docs, planted };
}

// ------------------------------------------------------------------------------------------------ measuring

interface Call {
  name: string;
  note?: string;
  input: Record<string, unknown>;
  /** What a correct answer holds. */
  expect: (data: BriefingsOutput['list'] | BriefingsOutput['search']) => boolean;
}

/** `n` sequential calls: their latencies from the gateway client; every answer must be right. */
async function time(gw: Gateway, call: Call, n: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const answer = await gw.post<Result<BriefingsOutput['list'] | BriefingsOutput['search'], string>>(
      'briefings',
      READER,
      call.input,
    );
    if (answer.status !== 200 || !answer.body.ok || !call.expect(answer.body.data)) {
      throw new Error(
        `bench: ${call.name.trim()} answered HTTP ${answer.status} ${JSON.stringify(answer.body)}`,
      );
    }
    ms.push(answer.ms);
  }
  return ms;
}

/** Every briefing id a search finds, over all its pages. */
async function searchAll(gw: Gateway, query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: BriefingsOutput['search'] = await briefings(gw, READER, 'search', {
      query,
      ...(cursor ? { cursor } : {}),
    });
    ids.push(...page.items.map((h) => h.briefingId));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** Publishes one briefing through the function and checks that the reader's list and search find it. */
async function publishThroughFunction(gw: Gateway): Promise<void> {
  const body = new Writer(lcg(7)).body(1200).join('\n\n');
  const { briefingId } = await briefings(gw, PUBLISHER, 'publish', {
    title: '基准测试：春耕化肥补贴发放安排',
    summary: '今年春耕化肥补贴按承包面积发放，请各户在公示期内核对面积。',
    body,
    categoryId: 'huinong',
    scope: { kind: 'town' },
  });
  const first = await briefings(gw, READER, 'list', {});
  if (first.items[0]?.briefingId !== briefingId || first.categories?.length !== DEFAULT_CATEGORIES.length) {
    throw new Error(
      `bench: the briefing just published is not first in list: ${JSON.stringify(first.items[0])}`,
    );
  }
  const found = await searchAll(gw, '基准测试');
  if (found.length !== 1 || found[0] !== briefingId) {
    throw new Error(`bench: search 基准测试 found ${JSON.stringify(found)}, expected only ${briefingId}`);
  }
}

const pageOf = (n: number) => (d: { items: unknown[] }) => d.items.length === n;

/**
 * The manifest without the briefings' indexes, for the same reads answered by scanning every briefing and
 * sorting the matches (what local-cloud did before store/planner.ts).
 */
function manifestWithoutBriefingIndexes(): string {
  const source = path.join(ROOT, 'cloudfunctions', 'collections.json');
  const manifest = JSON.parse(readFileSync(source, 'utf8')) as {
    collections: { name: string; indexes?: unknown[] }[];
  };
  for (const c of manifest.collections) if (c.name === 'briefings') delete c.indexes;
  const file = path.join(ROOT, 'build', 'bench', 'collections-no-briefing-indexes.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(manifest));
  return file;
}

/** The timed calls' latencies against a cloud with this manifest, and the part's other figures. */
async function measure(manifest: string): Promise<{ calls: Call[]; ms: number[][]; extra: Figure[] }> {
  const started = performance.now();
  const seed = demoSeed();
  const authorName = seed.members!.find((m) => m._id === PUBLISHER)!.name as string;
  const cloud = await startBenchCloud({ seed, manifest });
  const gw = new Gateway(cloud.url, 4);
  try {
    const { docs, planted } = briefingDocs(BRIEFINGS, authorName);
    for (let i = 0; i < docs.length; i += INSERT_BATCH) {
      await cloud.insert({
        briefings: docs.slice(i, i + INSERT_BATCH) as unknown as Record<string, unknown>[],
      });
    }
    const readable = docs.filter(
      (d) => d.status === 'published' && (d.scope === 'town' || d.scope === READER_VILLAGE),
    );
    const withRare = docs.filter((d) => d.searchText.includes(RARE)).length;
    const withCommon = readable.filter((d) => d.searchText.includes(COMMON)).length;
    if (withRare !== planted.length) throw new Error(`bench: ${withRare} bodies hold ${RARE}, expected 3`);
    const setupMs = performance.now() - started;

    await publishThroughFunction(gw);
    const rare = await searchAll(gw, RARE);
    if (rare.length !== planted.length || !planted.every((id) => rare.includes(id))) {
      throw new Error(
        `bench: search ${RARE} found ${JSON.stringify(rare)}, planted ${JSON.stringify(planted)}`,
      );
    }

    const category = 'jiaoyu';
    const page2 = await briefings(gw, READER, 'list', {
      cursor: (await briefings(gw, READER, 'list', {})).nextCursor,
    });
    const calls: Call[] = [
      {
        name: `briefings: list, first page, median (p95)`,
        note:
          `${BRIEFINGS.toLocaleString('en')} stored, ${(readable.length + 1).toLocaleString('en')} readable; ` +
          `${TIMED} sequential calls via POST /api/briefings for each row; the goal is on the p95`,
        input: { action: 'list' },
        expect: pageOf(20),
      },
      {
        name: `  list of one category (${category})`,
        input: { action: 'list', categoryId: category },
        expect: pageOf(20),
      },
      {
        name: '  list, page 3 through cursors',
        input: { action: 'list', cursor: page2.nextCursor },
        expect: pageOf(20),
      },
      {
        name: `  search a rare word (${RARE})`,
        note: 'every body scanned, 3 hits',
        input: { action: 'search', query: RARE },
        expect: pageOf(3),
      },
      {
        name: `  search a common word (${COMMON}), first page`,
        note: `in ${withCommon.toLocaleString('en')} of ${readable.length.toLocaleString('en')} readable bodies`,
        input: { action: 'search', query: COMMON },
        expect: pageOf(20),
      },
    ];
    for (let i = 0; i < WARMUP; i++) await time(gw, calls[i % calls.length]!, 1);
    const cpuBefore = cpuMark();
    const ms: number[][] = [];
    for (const call of calls) ms.push(await time(gw, call, TIMED));
    const { others, total } = coresUsed(cpuBefore, cpuMark());
    const seqBefore = cloud.invocations.lastSeq;
    await time(gw, calls[4]!, 1);
    const requests = cloud.requests({ sinceSeq: seqBefore });
    const backend = requests.map((r) => `${r.collection ?? r.action} ${r.ms.toFixed(1)}`).join(', ');
    const extra = [
      figure({
        name: '  database requests of one search',
        value: String(requests.length),
        unit: '',
        goal: '—',
        met: null,
        note: `backend ms: ${backend}`,
      }),
      figure({
        name: `  setup: render and insert the ${BRIEFINGS.toLocaleString('en')} briefings`,
        value: (setupMs / 1000).toFixed(1),
        unit: 's',
        goal: '—',
        met: null,
        note:
          `the whole part: ${((performance.now() - started) / 1000).toFixed(1)} s` +
          (others === null
            ? ''
            : `; other processes busy ${others.toFixed(2)} of ${total} cores while timed`),
      }),
    ];
    return { calls, ms, extra };
  } finally {
    gw.close();
    await cloud.stop();
  }
}

/** Lists served by an index at most this share of the same lists answered by a scan (p95s of one run). */
const INDEX_RATIO_GOAL = 1 / 3;

export async function briefingsBench(): Promise<Figure[]> {
  const indexed = await measure(path.join(ROOT, 'cloudfunctions', 'collections.json'));
  const scanned = await measure(manifestWithoutBriefingIndexes());
  const rows = indexed.calls.map((call, i) =>
    figure({
      name: call.name,
      value: fmtMs(indexed.ms[i]!),
      unit: 'ms',
      goal: `≤ ${GOAL_MS} ms`,
      met: p95(indexed.ms[i]!) <= GOAL_MS,
      note: call.note,
    }),
  );
  const lists = indexed.calls.slice(0, 3).map((call, i) => {
    const ratio = p95(indexed.ms[i]!) / p95(scanned.ms[i]!);
    return figure({
      name: `  ${call.name
        .trim()
        .replace(/^briefings: /, '')
        .replace(/, median \(p95\)$/, '')}: p95 served by the manifest index ÷ by a scan`,
      value: ratio.toFixed(2),
      unit: '',
      goal: `≤ ${INDEX_RATIO_GOAL.toFixed(2)}`,
      met: ratio <= INDEX_RATIO_GOAL,
      note: `${p95(indexed.ms[i]!).toFixed(1)} ms against ${p95(scanned.ms[i]!).toFixed(1)} ms, the same run, the briefings' indexes removed`,
    });
  });
  return [...rows, ...lists, ...indexed.extra];
}
