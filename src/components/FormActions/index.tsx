import { Button, View } from '@tarojs/components';

/** A form's two buttons: 返回 and the submit action, which shows progress and cannot be pressed twice. */
export default function FormActions(props: {
  submitText: string;
  sending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  return (
    <View className="row">
      <Button className="btn btn--ghost" onClick={props.onCancel}>
        返回
      </Button>
      <Button
        className="btn btn--primary"
        loading={props.sending}
        disabled={props.sending}
        onClick={props.onSubmit}
      >
        {props.submitText}
      </Button>
    </View>
  );
}
