/**
 * The notices figure of `npm run bench`: a town-wide notice to 43,464 residents (Yina town's population,
 * seed 000) through the batching path, against the built functions, the real manifest and fsync on.
 *
 * The town: 16 villages, 43,464 residents in 10,055 households; 80% have a bound WeChat account. Of those, 60%
 * accepted a reminder (the app's record and WeChat's ledger both say so), 3% only in the app's record (WeChat
 * refuses them with 43101), the rest never subscribed. Documents are inserted directly, shaped as the
 * functions store them (setup, not measured).
 *
 * Measured: from the town admin's `push` (through the HTTP gateway, as the H5 build calls it) until the
 * notice is `sent`, with the timer trigger's `drain` run back to back — two at a time, as the trigger and a
 * sender's page could — until the queue is empty. Then every recipient must be accounted for exactly once
 * (sent + refused + failed + no grant + unbound = 43,464), WeChat's outbox must hold exactly one message per
 * `sent` recipient and none for anybody else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addOutcomes, emptyCounts, type NoticesOutput } from '../../core/notices';
import { NO_ROLES } from '../../core/roles';
import type { LocalCloudOptions } from '../../local-cloud';
import { ROOT } from '../tools/build-cloud';
import { callOk, startBenchCloud } from './cloud';
import { Gateway } from './gateway';
import { figure, type Figure } from './stats';

const POPULATION = 43_464;
const HOUSEHOLDS = 10_055;
const VILLAGES = 16;
const GOAL_S = 60;
const ADMIN = 'bench-town-admin';
const INSERT_BATCH = 2000;
const SEEDED_AT = new Date(Date.UTC(2026, 9, 1, 2, 0, 0));

const CONFIG = JSON.parse(readFileSync(path.join(ROOT, 'local-cloud.config.json'), 'utf8')) as Pick<
  LocalCloudOptions,
  'templates' | 'securityWords'
> & { functionEnv: Record<string, string> };
/** The template the notices function is configured with offline (local-cloud.config.json functionEnv). */
const NOTICE_TEMPLATE_ID = CONFIG.functionEnv.NOTICE_TEMPLATE_ID!;

interface Town {
  villages: Record<string, unknown>[];
  residents: Record<string, unknown>[];
  subscriptions: Record<string, unknown>[];
  grants: Record<string, unknown>[];
}

/** Deterministic: household h lives in village h mod 16; residents fill households round-robin. */
function town(): Town {
  const villages = Array.from({ length: VILLAGES }, (_v, i) => ({
    _id: `nv${String(i).padStart(2, '0')}`,
    townId: 'bench_town',
    townName: '迤那镇',
    name: `第${i + 1}村`,
    kind: 'village',
    order: i,
  }));
  const residents: Record<string, unknown>[] = [];
  const subscriptions: Record<string, unknown>[] = [];
  const grants: Record<string, unknown>[] = [];
  for (let i = 0; i < POPULATION; i++) {
    const h = i % HOUSEHOLDS;
    const openid = i === 0 ? ADMIN : i % 5 === 4 ? null : `bench-n-${i}`;
    residents.push({
      _id: `rn_${String(i).padStart(6, '0')}`,
      townId: 'bench_town',
      villageId: villages[h % VILLAGES]!._id,
      name: `村民${i}`,
      household: `${Math.floor(h / VILLAGES) + 1}号户`,
      phoneMasked: null,
      openid,
      roles: i === 0 ? { ...NO_ROLES, townAdmin: true } : NO_ROLES,
      source: 'seed',
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    });
    if (!openid) continue;
    const roll = (i * 7919) % 100;
    if (roll < 63) {
      subscriptions.push({ _id: openid, grants: { [NOTICE_TEMPLATE_ID]: 1 } });
    }
    if (roll < 60) {
      grants.push({
        _id: `${openid}|${NOTICE_TEMPLATE_ID}`,
        openid,
        templateId: NOTICE_TEMPLATE_ID,
        remaining: 1,
      });
    }
  }
  return { villages, residents, subscriptions, grants };
}

export async function noticesBench(): Promise<Figure[]> {
  const data = town();
  const admin = data.residents[0]!;
  const cloud = await startBenchCloud({
    templates: CONFIG.templates,
    securityWords: CONFIG.securityWords,
    envVariables: CONFIG.functionEnv,
    seed: {
      villages: data.villages,
      members: [
        {
          _id: ADMIN,
          residentId: admin._id,
          villageId: admin.villageId,
          villageName: '第1村',
          name: admin.name,
          household: admin.household,
          phoneMasked: null,
          roles: admin.roles,
          boundAt: SEEDED_AT,
        },
      ],
    },
  });
  const gw = new Gateway(cloud.url, 4);
  try {
    for (let i = 0; i < data.residents.length; i += INSERT_BATCH) {
      await cloud.insert({ residents: data.residents.slice(i, i + INSERT_BATCH) });
    }
    for (let i = 0; i < data.subscriptions.length; i += INSERT_BATCH) {
      await cloud.insert({ subscriptions: data.subscriptions.slice(i, i + INSERT_BATCH) });
    }
    for (let i = 0; i < data.grants.length; i += INSERT_BATCH) {
      await cloud.insert({ $grants: data.grants.slice(i, i + INSERT_BATCH) });
    }

    const started = Date.now();
    const pushed = await callOk<NoticesOutput['push']>(gw, 'notices', ADMIN, 'push', {
      requestId: 'bench-town-notice',
      title: '全镇森林防火紧急通知',
      body: '近期天干物燥，森林火险等级高，严禁野外用火。请各户相互提醒，发现火情立即拨打119并报告村委。',
      kind: 'other',
      urgency: 'urgent',
      audience: { kind: 'town' },
    });
    const pushSeconds = (Date.now() - started) / 1000;
    const status = () => cloud.dump('notices').find((n) => n._id === pushed.noticeId)!.status;
    let runs = 0;
    const runner = async () => {
      while (status() !== 'sent' && Date.now() - started < 10 * GOAL_S * 1000) {
        runs += 1;
        await cloud.trigger('notices');
      }
    };
    await Promise.all([runner(), runner()]);
    const seconds = (Date.now() - started) / 1000;

    const chunks = cloud.dump('noticeChunks').filter((c) => c.noticeId === pushed.noticeId);
    const counts = chunks.reduce((c, ch) => addOutcomes(c, ch.outcomes as string), emptyCounts());
    const accounted = counts.sent + counts.refused + counts.failed + counts.noGrant + counts.unbound;
    const recipients = chunks.flatMap((c) => (c.items as { r: string }[]).map((i) => i.r));
    const messages = cloud.outbox({ templateId: NOTICE_TEMPLATE_ID });
    const exact =
      status() === 'sent' &&
      counts.pending === 0 &&
      accounted === POPULATION &&
      new Set(recipients).size === POPULATION &&
      messages.length === counts.sent &&
      new Set(messages.map((m) => m.touser)).size === messages.length;
    return [
      figure({
        name: `notices: to the town's ${POPULATION.toLocaleString('en')} residents, push → all done`,
        value: seconds.toFixed(1),
        unit: 's',
        goal: `≤ ${GOAL_S} s`,
        met: seconds <= GOAL_S && exact,
        note: `${runs} drain runs, 2 at a time`,
      }),
      figure({
        name: "  the sender's push answered after",
        value: pushSeconds.toFixed(1),
        unit: 's',
        goal: '—',
        met: null,
        note: 'queue planned, first batches sent',
      }),
      figure({
        name: '  recipients accounted for exactly once',
        value: `${accounted}/${POPULATION}`,
        unit: '',
        goal: 'all',
        met: exact,
        note:
          `sent / refused (43101) / failed / no grant / no WeChat: ` +
          `${counts.sent}/${counts.refused}/${counts.failed}/${counts.noGrant}/${counts.unbound}; ` +
          `each once, one WeChat message per sent: ${exact ? 'yes' : 'NO'}`,
      }),
    ];
  } finally {
    gw.close();
    await cloud.stop();
  }
}
