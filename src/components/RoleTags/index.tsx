import { Text, View } from '@tarojs/components';
import './index.css';

/** A resident's roles as tags; every bound user is at least a 村民. */
export default function RoleTags({ labels }: { labels: string[] }) {
  const shown = labels.length > 0 ? labels : ['村民'];
  return (
    <View className="role-tags">
      {shown.map((label) => (
        <Text key={label} className="role-tags__tag">
          {label}
        </Text>
      ))}
    </View>
  );
}
