import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { formatReceipt } from '@core/agenda';
import { formatDateTime } from '@core/time';
import Screen from '../../../../components/Screen';
import StateView from '../../../../components/StateView';
import { call } from '../../../../services/cloud';
import { loadReceipts, type StoredReceipt } from '../../receipts';
import { routes } from '../../../../routes';
import '../../agenda.css';

/**
 * 我的回执: the receipt codes of the ballots cast on this phone, newest first. Each can be checked against
 * the cloud: counted or not — the choice is shown only here, to the holder of the code.
 */
export default function Receipts() {
  const [list, setList] = useState<StoredReceipt[]>(() => loadReceipts());
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [checking, setChecking] = useState<string | null>(null);
  useDidShow(() => setList(loadReceipts()));

  const check = async (r: StoredReceipt) => {
    setChecking(r.pollId);
    const [result, poll] = await Promise.all([
      call('agenda', 'checkReceipt', { pollId: r.pollId, receipt: r.receipt }),
      call('agenda', 'getPoll', { pollId: r.pollId }),
    ]);
    setChecking(null);
    const label = (id: string) => (poll.ok ? (poll.data.options.find((o) => o.id === id)?.label ?? id) : id);
    const text = !result.ok
      ? result.error.message
      : result.data.counted
        ? `已计入：${result.data.choices!.map(label).join('、')}`
        : '没有找到这张票，请联系村干部';
    setAnswers((a) => ({ ...a, [r.pollId]: text }));
  };

  return (
    <Screen title="我的回执">
      <Text className="muted lead">
        每次投票，手机会生成一个回执码，只保存在这部手机上。凭回执码可以核验您的票已被计入，别人无法知道您投了什么。
      </Text>
      {list.length === 0 && (
        <StateView kind="empty" title="还没有回执" hint="在这部手机上投票后，回执会出现在这里。" />
      )}
      {list.map((r) => (
        <View key={r.pollId} className="card" data-testid="receipt">
          <Text
            ariaRole="button"
            className="card__title"
            onClick={() => void Taro.navigateTo({ url: routes.agenda.poll({ pollId: r.pollId }) })}
          >
            {r.question}
          </Text>
          <Text className="receipt" userSelect>
            {formatReceipt(r.receipt)}
          </Text>
          <Text className="muted">
            {formatDateTime(r.at)} · {r.state === 'cast' ? '已投出' : '尚未确认送达，请打开表决页重新发送'}
          </Text>
          {answers[r.pollId] && (
            <Text className="notice" data-testid="receipt-answer">
              {answers[r.pollId]}
            </Text>
          )}
          <Button
            className="btn btn--ghost btn--small"
            loading={checking === r.pollId}
            disabled={checking === r.pollId}
            onClick={() => void check(r)}
          >
            核验
          </Button>
        </View>
      ))}
    </Screen>
  );
}
