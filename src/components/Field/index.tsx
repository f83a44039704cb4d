import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import './index.css';

interface FieldProps {
  label: string;
  /** A problem with this field, in Chinese, shown under it. */
  error?: string | null;
  hint?: string;
}

/** A labelled form row with room for an error message (large text, high contrast). */
export default function Field({ label, error, hint, children }: PropsWithChildren<FieldProps>) {
  return (
    <View className={`field${error ? ' field--invalid' : ''}`}>
      <Text className="field__label">{label}</Text>
      <View className="field__control">{children}</View>
      {error ? (
        <Text className="field__error">{error}</Text>
      ) : hint ? (
        <Text className="field__hint">{hint}</Text>
      ) : null}
    </View>
  );
}
