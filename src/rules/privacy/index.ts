import type { AnyRule } from '../../core/rule.js';
import { bankCard } from './bank-card.js';
import { cnIdCard } from './cn-id-card.js';
import { cnLandline } from './cn-landline.js';
import { cnMobile } from './cn-mobile.js';
import { cnPassport } from './cn-passport.js';
import { email } from './email.js';
import { licensePlate } from './license-plate.js';
import { travelPermit } from './travel-permit.js';

/** The rules of this category, sorted by id. */
export const rules: readonly AnyRule[] = [bankCard, cnIdCard, cnLandline, cnMobile, cnPassport, email, licensePlate, travelPermit];
