// Types only: a value import of './pick-file' would resolve to this very file in the platform build.
import type { PickedFile, PickOptions } from './pick-file';

/** The browser's file dialog for one file (by default .xlsx or .csv), read whole. Null when the user cancels. */
export function pickFile({ extensions = ['xlsx', 'csv'] }: PickOptions = {}): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    if (extensions.length) input.accept = extensions.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    let settled = false;
    const settle = (file: PickedFile | null) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return settle(null);
      const reader = new FileReader();
      reader.onload = () => settle({ name: file.name, bytes: new Uint8Array(reader.result as ArrayBuffer) });
      reader.onerror = () => {
        settled = true;
        input.remove();
        reject(reader.error ?? new Error('file could not be read'));
      };
      reader.readAsArrayBuffer(file);
    });
    // Browsers that support it say when the dialog was closed without a file. Some (and automated ones) say so
    // just before a file is set programmatically: wait a moment for a change before calling it a cancel.
    input.addEventListener('cancel', () => {
      setTimeout(() => {
        if (!input.files?.length) settle(null);
      }, 1000);
    });
    // Outside <body>: the H5 runtime re-renders body's children and would drop a stranger among them.
    document.documentElement.appendChild(input);
    input.click();
  });
}
