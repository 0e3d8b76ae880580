/** Saves text as a file through the browser's own download (an object URL, revoked after). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later: the download reads the URL after this click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
