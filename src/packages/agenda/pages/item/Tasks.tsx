import { Button, Text, View } from '@tarojs/components';
import type { TaskView } from '@core/agenda';
import { formatDate, formatDateTime } from '@core/time';
import { FormError } from '../../../../components/FormActions';
import { useForm } from '../../../../hooks/use-form';
import { TextBox } from '../../../../components/TextArea';
import { call } from '../../../../services/cloud';
import { toast } from '../../../../utils/feedback';

const STOPS = [0, 20, 40, 60, 80, 100];

/**
 * 集中办事: each task with its owner, due date and progress bar, and the progress notes. The owner (or the
 * admin) reports progress while the matter is in this step: a figure picked from big buttons and a note.
 */
export default function Tasks(props: {
  tasks: TaskView[];
  canReport: (task: TaskView) => boolean;
  now: number;
  onChanged: () => void;
}) {
  const form = useForm({
    initial: { taskId: null as string | null, progress: 0, note: '' },
    precheck: ({ note }) => (note.trim().length < 2 ? '请写一句进展说明' : null),
    send: ({ taskId, progress, note }) => call('agenda', 'updateTask', { taskId: taskId!, progress, note }),
    done: () => {
      form.set('taskId', null);
      toast('进度已更新', 'success');
      props.onChanged();
    },
  });
  const { taskId: editing, progress, note } = form.values;
  const start = (t: TaskView) => form.reset({ taskId: t.taskId, progress: t.progress, note: '' });

  return (
    <View className="card" data-testid="tasks">
      <Text className="card__title">任务（{props.tasks.length}）</Text>
      {props.tasks.length === 0 && <Text className="muted">村里正在把决定落实成任务。</Text>}
      <View className="stack">
        {props.tasks.map((t) => (
          <View key={t.taskId} className="task" data-testid="task">
            <Text className="task__title">{t.title}</Text>
            <Text className="muted">
              负责人：{t.ownerName} · 期限：{formatDate(t.dueAt)}
              {t.progress < 100 && t.dueAt < props.now ? '（已超期）' : ''}
            </Text>
            <View className="progress">
              <View className="progress__fill" style={{ width: `${t.progress}%` }} />
            </View>
            <Text>完成 {t.progress}%</Text>
            {t.notes.map((n, i) => (
              <Text key={i} className="muted task__note">
                {formatDateTime(n.at)} {n.byName}：{n.note}（{n.progress}%）
              </Text>
            ))}
            {props.canReport(t) &&
              (editing === t.taskId ? (
                <View className="task__form">
                  <View className="chips">
                    {STOPS.map((p) => (
                      <Text
                        ariaRole="button"
                        key={p}
                        className={`chip${progress === p ? ' chip--on' : ''}`}
                        onClick={() => form.set('progress', p)}
                      >
                        {p}%
                      </Text>
                    ))}
                  </View>
                  <TextBox
                    value={note}
                    placeholder="做了什么、还差什么"
                    maxlength={200}
                    onInput={form.on('note')}
                  />
                  <FormError message={form.error} />
                  <View className="row">
                    <Button className="btn btn--ghost" onClick={() => form.set('taskId', null)}>
                      取消
                    </Button>
                    <Button
                      className="btn btn--primary"
                      loading={form.sending}
                      disabled={form.sending}
                      onClick={() => void form.submit()}
                    >
                      提交进度
                    </Button>
                  </View>
                </View>
              ) : (
                <Button className="btn btn--ghost btn--small" onClick={() => start(t)}>
                  更新进度
                </Button>
              ))}
          </View>
        ))}
      </View>
    </View>
  );
}
