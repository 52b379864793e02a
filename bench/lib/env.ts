/**
 * Imported first by bench/run.ts, so these are set before any handler module (and its logger) loads.
 * Same quiet level as `npm start`: the bench prints tables, not one log line per request.
 */
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.AWS_REGION ??= 'eu-west-3';
// Lambda runs Node.js 22; this warning only concerns the local machine's Node.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export {};
