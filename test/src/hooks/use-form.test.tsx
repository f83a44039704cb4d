import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as z from 'zod/mini';
import type { Result } from '../../../core/result';
import FormActions from '../../../src/components/FormActions';
import TextField from '../../../src/components/TextField';
import { useForm, type FormOptions } from '../../../src/hooks/use-form';

const schema = z.object({ name: z.string().check(z.trim(), z.minLength(2, '姓名至少 2 个字')) });

type Values = { name: string };
function NameForm(props: Partial<FormOptions<Values, Values, { id: string }>>) {
  const form = useForm<Values, Values, { id: string }>({ initial: { name: '' }, schema, ...props });
  return (
    <>
      <TextField label="姓名" {...form.field('name')} placeholder="name" counted maxlength={20} />
      <FormActions submitText="提交" form={form} />
    </>
  );
}

const type = (value: string) => fireEvent.input(screen.getByPlaceholderText('name'), { target: { value } });
const submit = async () => {
  await act(async () => {
    fireEvent.click(screen.getByText('提交'));
  });
};

test('shows the schema’s problem under its field only after 提交, and sends nothing', async () => {
  const send = jest.fn();
  render(<NameForm send={send} />);
  type('张');
  expect(screen.queryByText('姓名至少 2 个字')).toBeNull();
  await submit();
  expect(screen.getByText('姓名至少 2 个字')).toBeTruthy();
  expect(send).not.toHaveBeenCalled();
});

test('counts the characters typed of the maximum as the hint', () => {
  render(<NameForm />);
  type(' 张三 ');
  expect(screen.getByText('2/20 字')).toBeTruthy();
});

test('sends the valid input, then hands the data to done', async () => {
  const send = jest.fn(async (): Promise<Result<{ id: string }, string>> => ({
    ok: true,
    data: { id: 'r1' },
  }));
  const done = jest.fn();
  render(<NameForm send={send} done={done} />);
  type('张三');
  await submit();
  expect(send).toHaveBeenCalledWith({ name: '张三' }, { name: '张三' });
  expect(done).toHaveBeenCalledWith({ id: 'r1' }, { name: '张三' });
});

test('shows the cloud’s refusal as the form’s error', async () => {
  const send = async (): Promise<Result<{ id: string }, string>> => ({
    ok: false,
    error: { code: 'CONFLICT', message: '已经登记过了' },
  });
  render(<NameForm send={send} />);
  type('张三');
  await submit();
  expect(screen.getByText('已经登记过了')).toBeTruthy();
});

test('a precheck stops the form with its message; a declined confirmation sends nothing', async () => {
  const send = jest.fn();
  const { unmount } = render(<NameForm send={send} precheck={() => '请先选择一户'} />);
  type('张三');
  await submit();
  expect(screen.getByText('请先选择一户')).toBeTruthy();
  unmount();

  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as never);
  render(
    <NameForm send={send} ask={() => ({ title: '提交？', content: '不能修改', confirmText: '提交' })} />,
  );
  type('张三');
  await submit();
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '提交？' }));
  expect(send).not.toHaveBeenCalled();
});
