import { Text, View } from '@tarojs/components';

/** A bare Taro page: one view and one line of text, nothing fetched. */
export default function Index() {
  return (
    <View className="bare">
      <Text className="bare__hello">您好</Text>
    </View>
  );
}
