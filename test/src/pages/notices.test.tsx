import { render, screen } from '@testing-library/react';
import Notices from '../../../src/pages/notices/index';

test('says plainly that there are no notices yet', () => {
  render(<Notices />);
  expect(screen.getByText('暂时没有通知')).toBeTruthy();
  expect(screen.getByText('联盟小组和村委发布的通知会显示在这里。')).toBeTruthy();
});
