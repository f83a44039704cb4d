import { membersInput, MEMBER_FIELD_LABELS } from '../../core/members';
import { validate } from '../../core/validation';

describe('shared input validation', () => {
  test('names are trimmed', () => {
    const r = validate(membersInput.requestBinding, {
      name: ' 张三 ',
      villageId: 'v',
      household: '一组',
      phone: '13800000000',
    });
    expect(r.ok && r.data.name).toBe('张三');
  });
  test('the first problem is reported in Chinese, naming the field for a wrong type', () => {
    expect(validate(membersInput.approveBinding, { requestId: [] }, MEMBER_FIELD_LABELS)).toEqual({
      ok: false,
      message: '申请编号格式不正确',
    });
  });
});
