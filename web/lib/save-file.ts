// Hands a file made in the page to the browser as a download.

/** Saves `blob` as a download named `name`. */
export function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  // NOTE: Firefox downloads only from a link in the document, and a URL revoked at once can cancel a download that
  // has not started yet: the link is attached for the click and the URL kept for a while.
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
