/**
 * 朗读: reads a briefing aloud with the platform's own text-to-speech. Per-platform files: this one serves the
 * H5 build (the browser's speechSynthesis, in Chinese, a little slower than normal for elderly listeners) and
 * tests; `speech.weapp.ts` uses WeChat's 同声传译 plugin (WechatSI). Where neither exists, the 朗读 button is
 * not shown.
 */
import { speechPieces } from '../utils/speech-pieces';

export function speechSupported(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;
}

/** Starts reading `text`; `onEnd` runs when it finishes or fails. Reading again first stops the last one. */
export function speak(text: string, onEnd: () => void): void {
  if (!speechSupported()) {
    onEnd();
    return;
  }
  window.speechSynthesis.cancel();
  const pieces = speechPieces(text);
  if (!pieces.length) {
    onEnd();
    return;
  }
  pieces.forEach((piece, i) => {
    const utterance = new SpeechSynthesisUtterance(piece);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    if (i === pieces.length - 1) {
      utterance.onend = onEnd;
      utterance.onerror = onEnd;
    }
    window.speechSynthesis.speak(utterance);
  });
}

export function stopSpeaking(): void {
  if (speechSupported()) window.speechSynthesis.cancel();
}
