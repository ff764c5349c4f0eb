// Writes data/snapshot/iati-currencies.json from IATI's Currency codelist:
//   node --import tsx scripts/derive-currencies.ts [path/to/Currency.xml]
// (default: ../shared/data/iati-reference/codelists/Currency.xml). test/unit/currencies.test.ts
// checks the file against the codelist.
import { readFileSync, writeFileSync } from 'node:fs';
import { currenciesFromCodelist } from '../src/modules/money/currency-codelist.ts';
import { CURRENCY_FILE } from '../src/modules/money/currencies.ts';
import { projectPath } from '../src/shared/project-path.ts';

const input = process.argv[2] ?? projectPath('..', 'shared', 'data', 'iati-reference', 'codelists', 'Currency.xml');
const list = currenciesFromCodelist(readFileSync(input, 'utf8'));
writeFileSync(CURRENCY_FILE, `${JSON.stringify(list, null, 1)}\n`);
console.log(`${CURRENCY_FILE}: ${list.active.length} codes in use, ${Object.keys(list.withdrawn).length} withdrawn`);
