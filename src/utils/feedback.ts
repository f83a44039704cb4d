import Taro from '@tarojs/taro';

/** A short message that goes away by itself. */
export function toast(message: string, kind: 'success' | 'none' = 'none'): void {
  void Taro.showToast({ title: message, icon: kind, duration: kind === 'success' ? 1500 : 2500 });
}

/** Asks before anything that cannot be undone. Resolves true when the user confirmed. */
export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  const res = await Taro.showModal({
    title,
    content,
    confirmText,
    cancelText: '取消',
    confirmColor: '#b3261e',
  });
  return res.confirm === true;
}

/** Shows a message the user must acknowledge (e.g. a claim code to write down). */
export async function inform(title: string, content: string): Promise<void> {
  await Taro.showModal({ title, content, showCancel: false, confirmText: '知道了', confirmColor: '#b3261e' });
}

/** A step that worked: says so, and goes back to the page that led here. */
export async function backWith(done: string): Promise<void> {
  toast(done, 'success');
  await Taro.navigateBack();
}
