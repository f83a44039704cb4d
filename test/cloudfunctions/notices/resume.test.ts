import { demoResidentOpenid } from '../../../scripts/demo/identities';
import { data, refuses, useAppCloud } from '../../support/app-cloud';
import {
  ADMIN,
  RESIDENT,
  TOWN_ADMIN,
  chunks,
  counts,
  messagesOf,
  notice,
  noticesAs,
  outcomes,
  pushInput,
  startNoticesCloud,
  subscribeFully,
  appGrants,
} from '../../support/notices';

/** `push` answers at once and leaves the whole queue to the drain (the timer trigger). */
const cloud = useAppCloud(() => startNoticesCloud({ NOTICES_PUSH_BUDGET_MS: '1' }));

const as = (openid: string) => noticesAs(cloud, openid);
const zhonghai = { kind: 'village' as const, villageId: 'zhonghai' };
const LEASE_MS = 70_000;

async function queued(openid = ADMIN, audience: Parameters<typeof pushInput>[0] = zhonghai): Promise<string> {
  const { noticeId } = data(await as(openid)('push', pushInput(audience)));
  return noticeId;
}

/** Every recipient has exactly one outcome and nothing is pending. */
function expectAccounted(noticeId: string): void {
  const c = counts(cloud, noticeId);
  expect(c.pending).toBe(0);
  expect(c.sent + c.refused + c.failed + c.noGrant + c.unbound).toBe(notice(cloud, noticeId).recipients);
  expect(notice(cloud, noticeId).status).toBe('sent');
}

/** No member ever gets the same notice twice. */
function expectNoDoubleSend(noticeId: string): void {
  const to = messagesOf(cloud, noticeId).map((m) => m.touser);
  expect(new Set(to).size).toBe(to.length);
}

test('the timer trigger finishes a queued notice', async () => {
  const granted = [demoResidentOpenid(50), demoResidentOpenid(51)];
  for (const openid of granted) await subscribeFully(cloud, openid);
  const noticeId = await queued();
  expect(notice(cloud, noticeId).status).toBe('sending');
  expect(counts(cloud, noticeId).pending).toBeGreaterThan(0);
  const result = (await cloud.trigger('notices')) as { ok: boolean; data: { done: boolean } };
  expect(result).toMatchObject({ ok: true, data: { done: true } });
  expectAccounted(noticeId);
  expect(
    messagesOf(cloud, noticeId)
      .map((m) => m.touser)
      .sort(),
  ).toEqual(granted.sort());
});

test('a mini-program user cannot pose as the timer', async () => {
  await refuses(
    cloud,
    () => cloud.call('notices', { Type: 'Timer', TriggerName: 'drain' }, { openid: RESIDENT }) as never,
    'INVALID_INPUT',
  );
});

test('a batch in flight when its run died is never sent again; the rest are sent once', async () => {
  const inChunk = (id: string) => chunks(cloud, id)[0]!.items.map((i) => i.o!);
  const noticeId = await queued();
  const members = inChunk(noticeId);
  // Everyone in the first chunk has a reminder left.
  for (const openid of members) await subscribeFully(cloud, openid);
  const first = chunks(cloud, noticeId)[0]!;
  // A run took the chunk, marked its first batch (15) in flight, and died before recording what it sent.
  await cloud.db
    .collection('noticeChunks')
    .doc(first._id)
    .update({
      data: {
        state: 'working',
        lease: { owner: 'run_dead', until: new Date(Date.now() + LEASE_MS) },
        inFlight: { from: 0, to: 15 },
      },
    });

  // While its lease runs, nobody takes the chunk over.
  await cloud.trigger('notices');
  expect(chunks(cloud, noticeId)[0]!.state).toBe('working');
  expect(messagesOf(cloud, noticeId).filter((m) => members.includes(m.touser))).toEqual([]);

  // Once the lease has run out, the next run takes over.
  cloud.setClockOffset(LEASE_MS + 1000);
  try {
    await cloud.trigger('notices');
  } finally {
    cloud.setClockOffset(0);
  }
  const out = outcomes(cloud, noticeId);
  const sentTo = new Set(messagesOf(cloud, noticeId).map((m) => m.touser));
  members.slice(0, 15).forEach((openid) => {
    expect(out.get(openid)).toBe('F');
    expect(sentTo.has(openid)).toBe(false);
  });
  members.slice(15).forEach((openid) => {
    expect(out.get(openid)).toBe('S');
  });
  expectAccounted(noticeId);
  expectNoDoubleSend(noticeId);
});

test('runs at the same time share the queue without sending anything twice', async () => {
  const granted = Array.from({ length: 40 }, (_, i) => demoResidentOpenid(100 + i * 4));
  for (const openid of granted) await subscribeFully(cloud, openid);
  // With those left over from the tests before (the in-flight batch above kept its reminders).
  const withReminder = cloud
    .dump('subscriptions')
    .map((s) => String(s._id))
    .filter((openid) => appGrants(cloud, openid) > 0);
  expect(withReminder).toEqual(expect.arrayContaining(granted));
  const noticeId = await queued(TOWN_ADMIN, { kind: 'town' });
  expect(chunks(cloud, noticeId).length).toBeGreaterThan(8);
  await Promise.all([
    cloud.trigger('notices'),
    as(TOWN_ADMIN)('drain'),
    as(TOWN_ADMIN)('drain'),
    as(ADMIN)('drain'),
  ]);
  expectAccounted(noticeId);
  expectNoDoubleSend(noticeId);
  expect(
    messagesOf(cloud, noticeId)
      .map((m) => m.touser)
      .sort(),
  ).toEqual(withReminder.sort());
});

test('a notice whose planner died is planned again from scratch', async () => {
  const noticeId = await queued();
  const recipients = notice(cloud, noticeId).recipients;
  // Back to what a planner that died half-way leaves: the notice still planning, part of its queue written.
  const stray = chunks(cloud, noticeId).slice(1);
  await cloud.db
    .collection('noticeChunks')
    .where({ noticeId, seq: cloud.db.command.gt(0) })
    .remove();
  await cloud.db
    .collection('notices')
    .doc(noticeId)
    .update({
      data: { status: 'planning', planLease: { owner: 'push_dead', until: new Date(Date.now() - 1) } },
    });
  expect(stray.length).toBeGreaterThan(0);
  await cloud.trigger('notices');
  expect(notice(cloud, noticeId).recipients).toBe(recipients);
  expect(chunks(cloud, noticeId).flatMap((c) => c.items)).toHaveLength(recipients);
  expectAccounted(noticeId);
});
