import type { CSSProperties } from 'react';
import { Textarea, View } from '@tarojs/components';
import Field from '../Field';
import { hintOf, type TextProps } from '../TextField';

export interface TextAreaProps extends TextProps {
  /** e.g. a taller box for a body in Markdown. */
  style?: CSSProperties;
}

/** A labelled multi-line text input with room for its problem or a hint (see Field). */
export default function TextArea(props: TextAreaProps) {
  const { label, error, hint: _hint, counted: _counted, onInput, ...input } = props;
  return (
    <Field label={label} error={error} hint={hintOf(props)}>
      <Textarea className="textarea" {...input} onInput={(e) => onInput(e.detail.value)} />
    </Field>
  );
}

/** A multi-line input in its frame without a label, e.g. a note under a list of choices. */
export function TextBox(props: {
  value: string;
  onInput: (value: string) => void;
  placeholder?: string;
  maxlength?: number;
  /** Added to the input's `textarea` class. */
  className?: string;
}) {
  const { onInput, className, ...input } = props;
  return (
    <View className="box">
      <Textarea
        className={className ? `textarea ${className}` : 'textarea'}
        {...input}
        onInput={(e) => onInput(e.detail.value)}
      />
    </View>
  );
}
