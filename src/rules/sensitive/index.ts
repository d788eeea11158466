import type { AnyRule } from '../../core/rule.js';
import { advertisingLaw } from './advertising-law.js';
import { custom } from './custom.js';
import { drugsContraband } from './drugs-contraband.js';
import { fraudInvoice } from './fraud-invoice.js';
import { gambling } from './gambling.js';
import { illegalServices } from './illegal-services.js';
import { pornography } from './pornography.js';

/** The rules of this category, sorted by id. */
export const rules: readonly AnyRule[] = [advertisingLaw, custom, drugsContraband, fraudInvoice, gambling, illegalServices, pornography];
