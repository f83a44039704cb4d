import { Button, Textarea, View } from '@tarojs/components';
import { FormError } from '../../../../components/FormActions';
import { useForm } from '../../../../hooks/use-form';

interface ReasonAction {
  label: string;
  ghost?: boolean;
  onClick: (reason: string) => Promise<boolean>;
}

/**
 * A reason to write and one or more buttons that send it (退回, 更正, 维持 / 撤销): at least 2 characters,
 * checked before anything is sent; cleared after a step that worked.
 */
export default function ReasonForm({
  placeholder,
  max,
  actions,
  busy,
}: {
  placeholder: string;
  max: number;
  actions: ReasonAction[];
  busy: boolean;
}) {
  const form = useForm({
    initial: { reason: '' },
    precheck: ({ reason }) => (reason.trim().length < 2 ? '请写明原因，至少 2 个字' : null),
  });
  const send = async (action: ReasonAction) => {
    if (!(await form.submit())) return;
    if (await action.onClick(form.values.reason.trim())) form.set('reason', '');
  };
  return (
    <View className="stack">
      <Textarea
        className="textarea input"
        style={{ minHeight: '120px' }}
        value={form.values.reason}
        maxlength={max}
        placeholder={placeholder}
        onInput={(e) => form.set('reason', e.detail.value)}
      />
      <FormError message={form.error} />
      <View className="row">
        {actions.map((a) => (
          <Button
            key={a.label}
            className={`btn ${a.ghost ? 'btn--ghost' : 'btn--primary'}`}
            disabled={busy}
            onClick={() => void send(a)}
          >
            {a.label}
          </Button>
        ))}
      </View>
    </View>
  );
}
