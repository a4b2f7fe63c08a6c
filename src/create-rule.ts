import { ESLintUtils } from '@typescript-eslint/utils';
import { ruleDocsUrl } from './package-info.js';

export interface WorkerAuthDocs {
  description: string;
  /** In `configs.recommended` (and with which severity). */
  recommended?: boolean;
  requiresTypeChecking?: false;
}

export const createRule = ESLintUtils.RuleCreator<WorkerAuthDocs>(ruleDocsUrl);
