import { useCallback, useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { COMMENT_MAX, type CommentView } from '@core/agenda';
import { formatDateTime } from '@core/time';
import { FormError } from '../../../../components/FormActions';
import { PagedListMore } from '../../../../components/PagedListStatus';
import StateView from '../../../../components/StateView';
import { useForm } from '../../../../hooks/use-form';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { TextBox } from '../../../../components/TextArea';
import { call } from '../../../../services/cloud';
import { toast } from '../../../../utils/feedback';

/** 征求论事: the discussion of a matter, oldest first, and — while it is open — a box to add one's view. */
export default function Comments(props: { itemId: string; open: boolean; onPosted: () => void }) {
  const list = usePagedList<CommentView>(
    useCallback(
      (cursor: string | null) =>
        call('agenda', 'listComments', { itemId: props.itemId, ...(cursor ? { cursor } : {}) }),
      [props.itemId],
    ),
  );
  const [mine, setMine] = useState<CommentView[]>([]);
  const form = useForm({
    initial: { text: '' },
    precheck: ({ text }) => (text.trim().length < 2 ? '请写下您的意见（至少 2 个字）' : null),
    send: ({ text }) => call('agenda', 'comment', { itemId: props.itemId, text }),
    done: ({ comment, held }) => {
      form.set('text', '');
      setMine((m) => [...m, comment]);
      toast(held ? '已提交，审核后大家可见' : '已发表', held ? 'none' : 'success');
      props.onPosted();
    },
  });

  useEffect(() => {
    void list.reload();
  }, [props.itemId]);

  // Comments posted here show at once, after the loaded ones (unless a reload already brought them).
  const shown = [...list.items, ...mine.filter((m) => !list.items.some((c) => c.commentId === m.commentId))];
  return (
    <View className="card" data-testid="comments">
      <Text className="card__title">村民意见（{shown.length}）</Text>
      {list.state === 'error' && shown.length === 0 && (
        <StateView kind="error" message={list.message} onRetry={() => void list.reload()} />
      )}
      {list.state === 'ready' && shown.length === 0 && <Text className="muted lead">还没有人发表意见。</Text>}
      <View className="stack">
        {shown.map((c) => (
          <View key={c.commentId} className="comment">
            <Text className="comment__who">
              {c.authorName} <Text className="muted">{formatDateTime(c.createdAt)}</Text>
            </Text>
            <Text className="comment__text">{c.text}</Text>
          </View>
        ))}
      </View>
      <PagedListMore list={list} />
      {props.open && (
        <View className="comment__form">
          <TextBox
            value={form.values.text}
            placeholder="说说您的看法和建议"
            maxlength={COMMENT_MAX}
            onInput={form.on('text')}
            className="comment__input"
          />
          <FormError message={form.error} />
          <Button
            className="btn btn--primary"
            loading={form.sending}
            disabled={form.sending}
            onClick={() => void form.submit()}
          >
            发表意见
          </Button>
        </View>
      )}
    </View>
  );
}
