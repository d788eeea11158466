import { readFileSync, writeFileSync } from 'node:fs';
import { withRulesTable } from './rules-table.js';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withRulesTable(readFileSync(path, 'utf8')));
console.log('README.md rules table regenerated');
