import TextField, { type TextFieldProps } from '../TextField';

/**
 * A labelled number input: `integer` brings up the digits keyboard, `decimal` the one with a decimal point
 * (amounts in 元, shares). The value stays text as typed; the form reads it (e.g. parseHundredths).
 */
export default function NumberField({
  kind = 'integer',
  ...props
}: Omit<TextFieldProps, 'type'> & { kind?: 'integer' | 'decimal' }) {
  return <TextField {...props} type={kind === 'integer' ? 'number' : 'digit'} />;
}
