import type { Severity } from '../types.js';
import { factSlot } from './attach.js';

/**
 * What `shenjiao/node` learned about one image's bytes, without (or, on request, with) decoding it.
 * The image rules are pure functions of these facts, so they run and test without sharp.
 */
export interface ImageFacts {
  /** The file's size in bytes. */
  readonly bytes: number;
  /** The format as sharp or the header parser names it (`jpeg`, `png`, `gif`, `webp`, `avif`, `heif`, `tiff`, `bmp`, `svg`…). */
  readonly format?: string;
  /** Stored width and height in pixels (one frame of an animation). */
  readonly width?: number;
  readonly height?: number;
  /** Width and height as displayed, after the EXIF orientation (tags 5–8 swap the sides). */
  readonly displayWidth?: number;
  readonly displayHeight?: number;
  /** EXIF orientation 1–8, when present. */
  readonly orientation?: number;
  /** Frames of an animation or pages of a multi-page file. */
  readonly pages?: number;
  /** Who read the dimensions: sharp (libvips), our own header parser (formats sharp cannot read), or nobody. */
  readonly reader: 'sharp' | 'header' | 'none';
  /** Why the image cannot be shown, when it cannot. */
  readonly problem?: ImageProblem;
  /** A GPS position found in the EXIF or XMP metadata, in decimal degrees (WGS 84 as written). */
  readonly gps?: ImageGps;
  /** Whether the pixels were decoded (the decode path) rather than the header alone. */
  readonly decoded: boolean;
  /** libvips' sharpness estimate (standard deviation of the Laplacian), measured at `sharpnessWidth`. */
  readonly sharpness?: number;
  /** The width in pixels at which `sharpness` was measured. */
  readonly sharpnessWidth?: number;
  /** Mean standard deviation of the colour channels (0–255), measured with `sharpness`: near 0 for flat graphics. */
  readonly contrast?: number;
}

/** Why an image is unreadable. */
export interface ImageProblem {
  readonly kind: 'empty' | 'unknown-format' | 'truncated' | 'corrupt' | 'unsupported' | 'not-found' | 'fetch-failed' | 'local-file';
  /** zh-CN detail for the message, e.g. 'JPEG 文件被截断（缺少结束标记 EOI）'. */
  readonly detail: string;
}

/** A position from image metadata. */
export interface ImageGps {
  readonly latitude: number;
  readonly longitude: number;
  readonly altitude?: number;
  /** Which metadata block held it. */
  readonly source: 'exif' | 'xmp';
}

/** How a page uses an image: set when the image was found through an `<img>` in HTML. */
export interface ImageUse {
  /** Declared display size in CSS pixels (width/height attributes or inline style), when known. */
  readonly shownWidth?: number;
  readonly shownHeight?: number;
  /**
   * Whether the absolute size thresholds apply. They do for an image checked on its own and for a
   * content image on a page that declares no display size; icons, logos and linked thumbnails are
   * legitimately small and are judged only by how much the page enlarges them.
   */
  readonly absoluteThresholds: boolean;
  /** Whether the image sits on a web page (browser support of the format then matters). */
  readonly onPage: boolean;
}

/** One finding of an image rule before the node layer places it (range, target, loc). */
export interface ImageReport {
  readonly message: string;
  readonly severity?: Severity;
  readonly expected?: readonly string[];
  readonly note?: string;
  readonly source?: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** The image an `ImageUse` of a standalone file describes. */
export const STANDALONE: ImageUse = { absoluteThresholds: true, onPage: false };

/** One image to judge in a document: its facts, how the document uses it, and where it is referenced. */
export interface AttachedImage {
  readonly facts: ImageFacts;
  readonly use: ImageUse;
  /** The referencing markup in the document's source (`<img …>`), or [0, 0] for an image checked on its own. */
  readonly range: readonly [number, number];
  /** The image's resolved path or URL, reported as `target.src`. */
  readonly src: string;
}

/** Image facts travel with the document they belong to (see `factSlot`). */
const images = factSlot<AttachedImage>();

/** Attaches measured images to a document (returns the document). */
export const attachImages = images.attach;

/** The images attached to a document; none for ordinary text checks. */
export const attachedImages = images.attached;
