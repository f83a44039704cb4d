import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';

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
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const send = async (action: ReasonAction) => {
    const text = reason.trim();
    if (text.length < 2) return setProblem('请写明原因，至少 2 个字');
    setProblem(null);
    if (await action.onClick(text)) setReason('');
  };
  return (
    <View className="honor-stack">
      <Textarea
        className="textarea input"
        style={{ minHeight: '120px' }}
        value={reason}
        maxlength={max}
        placeholder={placeholder}
        onInput={(e) => setReason(e.detail.value)}
      />
      {problem && <Text className="form__error">{problem}</Text>}
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
