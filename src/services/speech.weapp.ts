import Taro from '@tarojs/taro';
import { speechPieces } from '../utils/speech-pieces';

/**
 * 朗读 in the mini-program: WeChat's 同声传译 plugin (WechatSI, declared by the briefings subpackage in
 * app.config.ts) turns each piece into an audio file, which an InnerAudioContext plays one after another.
 * The plugin takes at most 1000 bytes of UTF-8 a call: pieces of 300 characters stay under it.
 */
declare const requirePlugin: (name: string) => {
  textToSpeech(options: {
    lang: 'zh_CN';
    tts: boolean;
    content: string;
    success: (res: { retcode: number; filename: string }) => void;
    fail: (res: unknown) => void;
  }): void;
};

let audio: Taro.InnerAudioContext | null = null;
let run = 0;

export function speechSupported(): boolean {
  return true;
}

function synthesize(content: string): Promise<string> {
  return new Promise((resolve, reject) => {
    requirePlugin('WechatSI').textToSpeech({
      lang: 'zh_CN',
      tts: true,
      content,
      success: (res) => (res.retcode === 0 ? resolve(res.filename) : reject(new Error(String(res.retcode)))),
      fail: reject,
    });
  });
}

export function speak(text: string, onEnd: () => void): void {
  stopSpeaking();
  const mine = ++run;
  const pieces = speechPieces(text, 300);
  const player = Taro.createInnerAudioContext();
  audio = player;
  const playFrom = async (i: number): Promise<void> => {
    if (mine !== run) return;
    if (i >= pieces.length) return onEnd();
    try {
      player.src = await synthesize(pieces[i]!);
    } catch {
      return onEnd();
    }
    if (mine !== run) return;
    player.onEnded(() => {
      player.offEnded();
      void playFrom(i + 1);
    });
    player.play();
  };
  player.onError(() => onEnd());
  void playFrom(0);
}

export function stopSpeaking(): void {
  run += 1;
  audio?.stop();
  audio?.destroy();
  audio = null;
}
