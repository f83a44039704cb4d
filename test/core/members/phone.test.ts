import { maskPhone } from '../../../core/members/phone';

test('phone numbers are masked to 3 + 4 digits', () => expect(maskPhone('13812345678')).toBe('138****5678'));
