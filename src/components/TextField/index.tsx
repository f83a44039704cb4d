import { Input } from '@tarojs/components';
import Field from '../Field';

/** What TextField, TextArea and NumberField share. */
export interface TextProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | null;
  hint?: string;
  placeholder?: string;
  maxlength?: number;
  /** Shows how many characters are typed of `maxlength` (`12/60 字`) as the hint, after this text if any. */
  counted?: boolean | string;
}

/** The hint under a text field: its own, or the count of characters typed. */
export function hintOf({ hint, counted, value, maxlength }: TextProps): string | undefined {
  if (!counted) return hint;
  return `${typeof counted === 'string' ? counted : ''}${value.trim().length}/${maxlength} 字`;
}

export interface TextFieldProps extends TextProps {
  /** Taro's keyboard: `number` (digits), `digit` (with a decimal point), `idcard`. */
  type?: 'text' | 'number' | 'digit' | 'idcard';
  /** Added to the input's `input` class. */
  className?: string;
}

/** A labelled one-line text input with room for its problem or a hint (see Field). */
export default function TextField(props: TextFieldProps) {
  const { label, error, hint: _hint, counted: _counted, onInput, className, ...input } = props;
  return (
    <Field label={label} error={error} hint={hintOf(props)}>
      <Input
        className={className ? `input ${className}` : 'input'}
        {...input}
        onInput={(e) => onInput(e.detail.value)}
      />
    </Field>
  );
}

/** A one-line input without a label, e.g. the word a search button looks for. */
export function InputBox(props: {
  value: string;
  onInput: (value: string) => void;
  placeholder?: string;
  maxlength?: number;
  confirmType?: 'search' | 'done';
  onConfirm?: () => void;
}) {
  const { onInput, onConfirm, ...input } = props;
  return (
    <Input
      className="input"
      {...input}
      onInput={(e) => onInput(e.detail.value)}
      onConfirm={onConfirm && (() => onConfirm())}
    />
  );
}
