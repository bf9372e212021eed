// Files of the API (PDFs, images) for pages: fetched as blobs, because a link cannot carry the
// bearer token; viewed in a new tab, saved under a readable name, or printed from a hidden frame.
import { api } from './api.js';
import { t } from './i18n.js';

/** A file the caller may read, as an object URL (revoke it when done). */
export async function blobUrl(path) {
  const blob = await api.blob(path);
  return URL.createObjectURL(blob);
}

/** Opens a file (PDF, image) in a new tab. */
export async function openFile(path) {
  const url = await blobUrl(path);
  const w = window.open(url, '_blank');
  if (!w) location.assign(url);
  setTimeout(() => URL.revokeObjectURL(url), 120000);
}

/** Saves a file under a readable (Chinese) name. */
export async function downloadFile(path, fileName) {
  const url = await blobUrl(path);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Prints a PDF: loads it in a hidden frame and asks the browser's print dialog. */
export async function printFile(path) {
  const url = await blobUrl(path);
  const frame = document.createElement('iframe');
  frame.className = 'gs-print-frame';
  frame.title = t('files.printFrame');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;';
  frame.src = url;
  frame.onload = () => {
    setTimeout(() => {
      try {
        frame.contentWindow.focus();
        frame.contentWindow.print();
      } catch (e) {
        window.open(url, '_blank');
      }
    }, 300);
  };
  document.body.appendChild(frame);
  setTimeout(() => {
    frame.remove();
    URL.revokeObjectURL(url);
  }, 300000);
}

/** 查看 / 下载 / 打印 of one file: `mode` is 'view', 'download' or 'print'. */
export function fileAction(mode, path, fileName) {
  if (mode === 'download') return downloadFile(path, fileName);
  if (mode === 'print') return printFile(path);
  return openFile(path);
}
