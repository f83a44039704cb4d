import { uploadPath } from '../../../src/services/upload-path';

test('an upload path is uploads/<kind>/<day in Shanghai>/<16 random hex>-<safe name>', async () => {
  jest.useFakeTimers({ now: new Date('2026-12-01T16:30:00Z') }); // already 2 December in Shanghai
  try {
    const a = await uploadPath('roster', '迤那镇 村民名册(2026).xlsx');
    expect(a).toMatch(/^uploads\/roster\/20261202\/[0-9a-f]{16}-迤那镇_村民名册_2026_\.xlsx$/);
    const b = await uploadPath('roster', '迤那镇 村民名册(2026).xlsx');
    expect(b).not.toBe(a);
  } finally {
    jest.useRealTimers();
  }
});

test.each([
  ['../../etc/passwd', /-etc_passwd$/],
  ['.hidden', /-hidden$/],
  ['a?b#c%d.csv', /-a_b_c_d\.csv$/],
  ['///', /-file$/],
])('the name %s cannot leave its folder or break the URL', async (name, tail) => {
  const p = await uploadPath('x', name);
  expect(p).toMatch(tail);
  expect(p.split('/')).toHaveLength(4);
});
