/** Files in and out of the library page: downloads through a Blob URL, uploads read as text with their size. */

export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke on a later task: Firefox starts the download asynchronously from the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `caspian-lens-snippets-2025-03-14.json`: sortable, and says what it is. */
export function datedFilename(kind: string, ext: string, now = new Date()): string {
  return `caspian-lens-${kind}-${now.toISOString().slice(0, 10)}.${ext}`;
}

/** Asks the user for one file; resolves with null when they cancel. */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}
