import { useState } from 'react';
import type { Result } from '@core/result';
import { confirm, toast } from '../utils/feedback';

/**
 * A management step that cannot be undone: asks first (when `ask` is given), sends, then reports. The
 * section's error shows the cloud's refusal; `onDone` reloads what changed.
 */
export function useAction(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (
    ask: { title: string; content: string; confirmText: string } | null,
    send: () => Promise<Result<unknown, string>>,
    done: string,
  ): Promise<boolean> => {
    setError(null);
    if (ask && !(await confirm(ask.title, ask.content, ask.confirmText))) return false;
    setBusy(true);
    const result = await send();
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return false;
    }
    toast(done, 'success');
    onDone();
    return true;
  };
  return { busy, error, setError, run };
}
