import { useCallback, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { formatReceipt } from '@core/agenda';
import { PagedListMore } from '../../../../components/PagedListStatus';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { call } from '../../../../services/cloud';

/**
 * After the result is frozen: check a receipt (one's own is filled in), the published digest, and every
 * ballot as (receipt hash, choice) — no names — so that anyone can recount.
 */
export default function PublicReceipts(props: {
  pollId: string;
  digest: string | null;
  /** The result is frozen; the digest may still be being computed (a town-size poll's, by the timer). */
  closed: boolean;
  mine: string | null;
  label: (optionId: string) => string;
}) {
  const [code, setCode] = useState(props.mine ? formatReceipt(props.mine) : '');
  const [answer, setAnswer] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [showList, setShowList] = useState(false);
  const list = usePagedList<{ receiptHash: string; choices: string[] }>(
    useCallback(
      (cursor: string | null) =>
        call('agenda', 'listReceipts', { pollId: props.pollId, limit: 50, ...(cursor ? { cursor } : {}) }),
      [props.pollId],
    ),
  );

  const check = async () => {
    setChecking(true);
    const result = await call('agenda', 'checkReceipt', { pollId: props.pollId, receipt: code });
    setChecking(false);
    if (!result.ok) return setAnswer(result.error.message);
    setAnswer(
      result.data.counted
        ? `已计入。这张票的选择：${result.data.choices!.map(props.label).join('、')}`
        : '没有找到这个回执码，请核对',
    );
  };

  return (
    <View className="card" data-testid="public-receipts">
      <Text className="card__title">核验与公开回执</Text>
      <View className="box">
        <Input
          className="input"
          value={code}
          placeholder="输入 16 位回执码"
          maxlength={19}
          onInput={(e) => {
            setCode(e.detail.value);
            setAnswer(null);
          }}
        />
      </View>
      <Button
        className="btn btn--primary"
        loading={checking}
        disabled={checking || !code}
        onClick={() => void check()}
      >
        核验回执
      </Button>
      {answer && (
        <Text className="lead notice" data-testid="receipt-answer">
          {answer}
        </Text>
      )}
      <Text className="section-title">计票摘要</Text>
      <Text className="muted">
        所有选票按“回执摘要 选项”排序，每 1000 张为一段，逐段接续计算
        SHA-256，任何人都能用公开回执重新计算核对：
      </Text>
      <Text className="poll__digest" userSelect>
        {props.digest ?? (props.closed ? '正在逐张核验选票，稍后公布' : '计票完成后公布')}
      </Text>
      {!showList ? (
        <Button
          className="btn btn--ghost"
          onClick={() => {
            setShowList(true);
            void list.reload();
          }}
        >
          查看全部公开回执
        </Button>
      ) : (
        <View data-testid="receipt-list">
          {list.state === 'error' && <Text className="form__error">{list.message}</Text>}
          {list.items.map((b) => (
            <View key={b.receiptHash} className="poll__line">
              <Text className="poll__hash">{b.receiptHash.slice(0, 16)}…</Text>
              <Text>{b.choices.map(props.label).join('、')}</Text>
            </View>
          ))}
          <PagedListMore list={list} />
        </View>
      )}
    </View>
  );
}
