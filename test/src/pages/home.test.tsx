import { screen } from '@testing-library/react';
import Home from '../../../src/pages/home/index';
import { memberView } from '../../support/fake-members';
import { renderWithCloud } from '../render';

jest.mock('../../../src/services/transport', () => ({ callFunction: jest.fn(), initTransport: jest.fn() }));

test('shows the alliance banner and greets a bound resident by village and name', async () => {
  renderWithCloud(<Home />);
  expect(screen.getByText('迤那之窗 · 统战联盟')).toBeTruthy();
  expect(await screen.findByText('中海村 · 胡翠萍，您好')).toBeTruthy();
});

test('asks an unbound user to bind first', async () => {
  renderWithCloud(<Home />, { me: { status: 'unbound' } });
  expect(await screen.findByText('请先绑定村民身份')).toBeTruthy();
});

test('shows the admin entries to a village admin only', async () => {
  renderWithCloud(<Home />, { me: { status: 'bound', member: memberView({ villageAdmin: true }) } });
  expect(await screen.findByText('身份审核')).toBeTruthy();
  expect(screen.getByText('村民名册')).toBeTruthy();
});

test('follows the WeChat font size setting', () => {
  const { container } = renderWithCloud(<Home />);
  expect(container.querySelector('[data-taro="PageMeta"]')?.getAttribute('data-root-font-size')).toBe(
    'system',
  );
});
