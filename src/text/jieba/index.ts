export { compileJiebaDictionary, type JiebaSources } from './compile.js';
export { createJiebaSegmenter } from './cut.js';
export { loadJiebaDictionary, type JiebaDictionary } from './dictionary.js';
export { logCorrectlyRounded } from './log.js';
