import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';

/** What FormActions needs of a `useForm` form. */
interface FormLike {
  sending: boolean;
  error: string | null;
  submit: () => Promise<unknown>;
}

/** The cloud's refusal (or the form's last check), under the fields. */
export function FormError({ message }: { message: string | null | undefined }) {
  return message ? <Text className="form__error">{message}</Text> : null;
}

/**
 * A form's two buttons: 返回 and the submit action, which shows progress and cannot be pressed twice. Given a
 * `form` (useForm), it also shows the form's error above them and sends it; 返回 goes back by default.
 */
export default function FormActions(props: {
  submitText: string;
  form?: FormLike;
  sending?: boolean;
  onSubmit?: () => void;
  onCancel?: () => void;
}) {
  const sending = props.form?.sending ?? props.sending ?? false;
  const submit = props.onSubmit ?? (() => void props.form?.submit());
  return (
    <>
      {props.form && <FormError message={props.form.error} />}
      <View className="row">
        <Button className="btn btn--ghost" onClick={props.onCancel ?? (() => void Taro.navigateBack())}>
          返回
        </Button>
        <Button className="btn btn--primary" loading={sending} disabled={sending} onClick={submit}>
          {props.submitText}
        </Button>
      </View>
    </>
  );
}
