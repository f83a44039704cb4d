import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { routes } from '../../routes';
import './index.css';

type StateViewProps =
  | { kind: 'loading'; text?: string }
  | { kind: 'empty'; title: string; hint?: string }
  | { kind: 'error'; message: string; onRetry: () => void; code?: string };

/** Loading, empty and error states, large and plain, with a retry button where it helps. */
export default function StateView(props: StateViewProps) {
  if (props.kind === 'loading') {
    return (
      <View className="state state--loading">
        <Text className="state__title">{props.text ?? '正在加载…'}</Text>
      </View>
    );
  }
  if (props.kind === 'empty') {
    return (
      <View className="state state--empty">
        <Text className="state__title">{props.title}</Text>
        {props.hint && <Text className="state__hint">{props.hint}</Text>}
      </View>
    );
  }
  // Not bound yet: trying again cannot help, binding can (我的 is where a resident binds).
  if (props.code === 'NOT_BOUND') {
    return (
      <View className="state state--error">
        <Text className="state__title">{props.message}</Text>
        <Button className="btn state__retry" onClick={() => void Taro.switchTab({ url: routes.tabs.me })}>
          去绑定
        </Button>
      </View>
    );
  }
  return (
    <View className="state state--error">
      <Text className="state__title">{props.message}</Text>
      <Button className="btn btn--ghost state__retry" onClick={props.onRetry}>
        重试
      </Button>
    </View>
  );
}

/** What a page shows before its data first arrives: loading, or the error with a retry. */
export function RemoteState({
  remote,
}: {
  remote: {
    state: 'loading' | 'ready' | 'error';
    message?: string;
    code?: string;
    reload: () => Promise<void>;
  };
}) {
  return remote.state === 'error' ? (
    <StateView
      kind="error"
      message={remote.message ?? ''}
      code={remote.code}
      onRetry={() => void remote.reload()}
    />
  ) : (
    <StateView kind="loading" />
  );
}
