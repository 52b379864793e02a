import { notFound } from '../../shared/errors';
import { httpHandler } from '../../shared/http/handler';
import { jobsApi } from '../../shared/platform/api';
import { jobs } from '../jobs';

export const handler = httpHandler(jobsApi.run, async ({ params, deps }) => {
  const job = jobs.find((j) => j.name === params.jobName);
  if (!job) throw notFound('Job');
  const module = await job.load();
  return { body: { job: job.name, result: await module.run(deps) } };
});
