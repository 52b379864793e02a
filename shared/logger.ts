import { Logger } from '@aws-lambda-powertools/logger';

/** One structured logger for every function. Never log names, emails or free text typed by users. */
export const logger = new Logger({ serviceName: 'essaimage' });
