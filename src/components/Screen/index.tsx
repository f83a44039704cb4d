import type { PropsWithChildren, ReactNode } from 'react';
import { NavigationBar, PageMeta, View } from '@tarojs/components';
import './index.css';

interface ScreenProps {
  /** The navigation bar title (WeChat shows it; keep it short). */
  title: string;
  /** Shown above the content, e.g. a status banner. */
  header?: ReactNode;
}

/**
 * Every page's shell. `<page-meta root-font-size="system">` makes 1rem the user's WeChat font size, so all
 * rem-sized text follows the setting (many residents use 大字 mode). It must be the page's first node and the
 * page config must set `enablePageMeta: true`. H5 has no page-meta: there 1rem is the browser's font size.
 */
export default function Screen({ title, header, children }: PropsWithChildren<ScreenProps>) {
  return (
    <>
      {process.env.TARO_ENV !== 'h5' && (
        <PageMeta rootFontSize="system">
          <NavigationBar title={title} />
        </PageMeta>
      )}
      <View className="screen">
        {header}
        <View className="screen__body">{children}</View>
      </View>
    </>
  );
}
