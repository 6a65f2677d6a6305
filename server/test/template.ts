import path from 'node:path';

// Where the migrated template database lives for a test run (architecture convention 9:
// migrate once, clone per test file).
export const TEMPLATE_FILE = path.resolve('.tmp/test-template.tgz');
export const PG_TEMPLATE_DB = 'huijiu_test_template';
export const TEST_MASTER_KEY = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
