/** The browser downloads the file (UTF-8 with the BOM the text already carries, so Excel and WPS read Chinese). */
export async function saveTextFile(filename: string, text: string): Promise<boolean> {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/** The browser fetches the file from its temporary link and downloads it under its name. */
export async function saveCloudFile(file: { url: string; filename: string }): Promise<boolean> {
  const res = await fetch(encodeURI(file.url)).catch(() => null);
  if (!res?.ok) return false;
  return saveTextFile(file.filename, await res.text());
}
