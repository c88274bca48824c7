/** Saves `text` as a file through the browser's own download (nothing leaves the page). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the address is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
