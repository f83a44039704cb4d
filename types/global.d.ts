/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Platform of the current build, set by `taro build --type X` and inlined into the bundles. */
    TARO_ENV?: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** The WeChat cloud environment the mini-program calls (from .env; empty means the default one). */
    TARO_APP_CLOUD_ENV?: string;
    /** The subscribe-message template 通知提醒 (from .env, or .env.local for the real account). */
    TARO_APP_NOTICE_TEMPLATE_ID?: string;
  }
}
