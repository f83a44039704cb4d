import type { CSSProperties } from 'react';
import { Textarea } from '@tarojs/components';
import Field from '../Field';

export interface TextAreaProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | null;
  hint?: string;
  placeholder?: string;
  maxlength?: number;
  /** e.g. a taller box for a body in Markdown. */
  style?: CSSProperties;
}

/** A labelled multi-line text input with room for its problem or a hint (see Field). */
export default function TextArea({ label, error, hint, onInput, ...input }: TextAreaProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      <Textarea className="textarea" {...input} onInput={(e) => onInput(e.detail.value)} />
    </Field>
  );
}
