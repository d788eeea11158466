import type { InputFormat } from '../types.js';

/** Extensions `checkFile` reads as text, by input format. */
export const TEXT_EXTENSIONS: Readonly<Record<string, InputFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.xhtml': 'html',
};

/** Extensions `checkFile` treats as images. */
export const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp', '.bmp', '.tif', '.tiff', '.heic', '.heif', '.avif', '.svg']);
