import { Input } from '@tarojs/components';
import Field from '../Field';

export interface TextFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | null;
  hint?: string;
  placeholder?: string;
  maxlength?: number;
  /** Taro's keyboard: `number` (digits), `digit` (with a decimal point), `idcard`. */
  type?: 'text' | 'number' | 'digit' | 'idcard';
  /** Added to the input's `input` class. */
  className?: string;
}

/** A labelled one-line text input with room for its problem or a hint (see Field). */
export default function TextField({ label, error, hint, onInput, className, ...input }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      <Input
        className={className ? `input ${className}` : 'input'}
        {...input}
        onInput={(e) => onInput(e.detail.value)}
      />
    </Field>
  );
}
