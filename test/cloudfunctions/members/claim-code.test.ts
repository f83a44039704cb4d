import type { MeData, MemberView } from '../../../core/members';
import { derivedId } from '../../../cloudfunctions/_shared/ids';
import { caller, data, digest, startAppCloud, useAppCloud } from '../../support/app-cloud';

const cloud = useAppCloud(startAppCloud, { each: true });

const as = (openid: string) => caller(cloud, 'members', openid);
type Issued = { residentId: string; code: string; expiresAt: number };
const elder = { name: '禄正祥', villageId: 'zhonghai', household: '七组 044 号' };

test('an admin registers an elderly resident and gets a one-time code shown as two groups of four digits', async () => {
  const issued = data(await as('demo-village-admin')<Issued>('issueClaimCode', elder));
  expect(issued.code).toMatch(/^\d{4} \d{4}$/);
  expect(cloud.dump('residents').find((r) => r._id === issued.residentId)).toMatchObject({
    ...elder,
    openid: null,
    source: 'admin',
  });
  // Only a hash is stored.
  expect(JSON.stringify(cloud.dump('claimCodes'))).not.toContain(issued.code.replace(' ', ''));
});

test('the resident claims with the code and is bound to the record the admin made', async () => {
  const issued = data(await as('demo-village-admin')<Issued>('issueClaimCode', elder));
  const { member } = data(
    await as('wx-elder')<{ member: MemberView }>('claimWithCode', { code: issued.code }),
  );
  expect(member).toMatchObject({ residentId: issued.residentId, name: '禄正祥', villageName: '中海村' });
  expect(data(await as('wx-elder')<MeData>('me'))).toMatchObject({ status: 'bound' });
});

test('a code works once only', async () => {
  const issued = data(await as('demo-village-admin')<Issued>('issueClaimCode', elder));
  data(await as('wx-first')('claimWithCode', { code: issued.code.replace(' ', '') }));
  const before = digest(cloud);
  expect(await as('wx-second')('claimWithCode', { code: issued.code })).toEqual({
    ok: false,
    error: { code: 'CONFLICT', message: '这个认领码已经用过了' },
  });
  expect(digest(cloud)).toBe(before);
});

test('a wrong code is NOT_FOUND; after 5 wrong codes in an hour the user must wait', async () => {
  for (let i = 0; i < 5; i++) {
    expect(await as('wx-guess')('claimWithCode', { code: `0000000${i}` })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  }
  const issued = data(await as('demo-village-admin')<Issued>('issueClaimCode', elder));
  expect(await as('wx-guess')('claimWithCode', { code: issued.code })).toMatchObject({
    error: { code: 'RATE_LIMITED' },
  });
});

test('a code that is not 8 digits is INVALID_INPUT', async () => {
  expect(await as('wx-x')('claimWithCode', { code: '12 34' })).toMatchObject({
    error: { code: 'INVALID_INPUT', message: '认领码是 8 位数字，请核对后再输入' },
  });
});

test('an expired code is refused', async () => {
  const issued = data(await as('demo-village-admin')<Issued>('issueClaimCode', elder));
  const id = derivedId('claim', issued.code.replace(' ', ''));
  await cloud.db
    .collection('claimCodes')
    .doc(id)
    .update({ data: { expiresAt: new Date(Date.now() - 1000) } });
  expect(await as('wx-late')('claimWithCode', { code: issued.code })).toMatchObject({
    error: { code: 'CONFLICT', message: '认领码已过期，请联系村干部重新领取' },
  });
});

test('issuing a new code for the same resident revokes the old one', async () => {
  const first = data(await as('demo-village-admin')<Issued>('issueClaimCode', elder));
  const second = data(
    await as('demo-village-admin')<Issued>('issueClaimCode', { residentId: first.residentId }),
  );
  expect(await as('wx-old')('claimWithCode', { code: first.code })).toMatchObject({
    error: { code: 'CONFLICT' },
  });
  expect((await as('wx-new')('claimWithCode', { code: second.code })).ok).toBe(true);
});

test('a bound resident needs no code', async () => {
  expect(await as('demo-village-admin')('issueClaimCode', { residentId: 'r_resident_001' })).toMatchObject({
    error: { code: 'CONFLICT' },
  });
});

test('a village admin cannot register residents of another village', async () => {
  expect(await as('demo-village-admin')('issueClaimCode', { ...elder, villageId: 'wuxing' })).toMatchObject({
    error: { code: 'FORBIDDEN' },
  });
});

test('a user who is already bound cannot claim', async () => {
  const issued = data(await as('demo-village-admin')<Issued>('issueClaimCode', elder));
  expect(await as('demo-resident-001')('claimWithCode', { code: issued.code })).toMatchObject({
    error: { code: 'CONFLICT' },
  });
});

test('two users racing with the same code: exactly one is bound', async () => {
  const issued = data(await as('demo-village-admin')<Issued>('issueClaimCode', elder));
  const results = await Promise.all(
    ['wx-r1', 'wx-r2', 'wx-r3'].map((o) => as(o)('claimWithCode', { code: issued.code })),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(cloud.dump('members').filter((m) => m.residentId === issued.residentId)).toHaveLength(1);
});
