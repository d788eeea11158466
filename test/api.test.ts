import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';
import * as node from '../src/node/index.js';

describe('public API (exact export lists)', () => {
  it('shenjiao', () => {
    expect(Object.keys(core).sort()).toEqual(
      [
        'DictionaryError',
        'OffsetMap',
        'Segment',
        'ShenjiaoError',
        'atLeast',
        'createChecker',
        'createKernel',
        'defineSiteRule',
        'createMatcher',
        'defineRule',
        'normalize',
        'parseDictionary',
        'parseHtml',
        'parseMarkdown',
        'parseText',
        'parseWordList',
        'redact',
        'maskFindings',
        'maskSourceText',
        'personalSpans',
      ].sort(),
    );
  });
  it('shenjiao/node', () => {
    expect(Object.keys(node).sort()).toEqual(['ATTACHMENT_EXTENSIONS', 'AttachmentError', 'IMAGE_EXTENSIONS', 'TEXT_EXTENSIONS', 'createNodeChecker', 'decodeBytes', 'extractAttachmentText', 'jiebaSegmenter', 'loadSegmenter', 'readText', 'summarize', 'checkPage', 'createCheckPool', 'checkSiteOnQueue', 'startQueueWorker'].sort());
  });
});
