// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // No react-refresh/babel in H5 development builds (see h5.devServer.hot in config/index.ts).
        hot: false,
      },
    ],
  ],
};
