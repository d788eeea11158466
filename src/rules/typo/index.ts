import type { AnyRule } from '../../core/rule.js';
import { commonTypo } from './common-typo.js';
import { confusableWord } from './confusable-word.js';
import { duplicateChar } from './duplicate-char.js';
import { unpairedPunctuation } from './unpaired-punctuation.js';

/** The rules of this category, sorted by id. */
export const rules: readonly AnyRule[] = [commonTypo, confusableWord, duplicateChar, unpairedPunctuation];
