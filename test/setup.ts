// Wire @typescript-eslint/rule-tester to vitest explicitly.
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

Object.assign(RuleTester, { afterAll, describe, it, itOnly: it.only });
