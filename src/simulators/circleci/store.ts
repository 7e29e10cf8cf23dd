import { stableUuid } from '../core/ids.js';

/** A user the simulator knows, and the token that authenticates as them. */
export interface SimUser {
  readonly id: string;
  readonly login: string;
  readonly name: string;
  readonly token: string;
  /** Organization slugs (`gh/acme`) the user belongs to. */
  readonly orgs: readonly string[];
}

/** A stored org in the CircleCI simulator. */
export interface SimOrg {
  readonly id: string;
  readonly slug: string; // gh/acme
  readonly name: string;
  readonly vcsType: 'github' | 'bitbucket' | 'circleci';
}

/** A stored project in the CircleCI simulator. */
export interface SimProject {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly orgSlug: string;
}

/** A stored pipeline in the CircleCI simulator. */
export interface SimPipeline {
  id: string;
  number: number;
  projectSlug: string;
  state: 'created' | 'errored' | 'setup-pending' | 'setup' | 'pending';
  createdAt: string;
  updatedAt: string;
  branch: string;
  revision: string;
  actor: string;
  triggerType: 'scheduled_pipeline' | 'explicit' | 'api' | 'webhook';
  parameters: Record<string, string | number | boolean>;
  config: string;
  tag?: string;
  /** The setup configuration of a continued setup pipeline. */
  setupConfig?: string;
}

/** A workflow status as CircleCI spells it. */
export type WorkflowStatus = 'success' | 'running' | 'not_run' | 'failed' | 'error' | 'failing' | 'on_hold' | 'canceled' | 'unauthorized';

/** A stored workflow in the CircleCI simulator. */
export interface SimWorkflow {
  id: string;
  name: string;
  pipelineId: string;
  pipelineNumber: number;
  projectSlug: string;
  status: WorkflowStatus;
  createdAt: string;
  stoppedAt: string | null;
  startedBy: string;
  canceledBy?: string;
  /** For running workflows: when the simulation finishes it (epoch ms). */
  finishesAt?: number;
  /** The status a running workflow ends in. */
  finalStatus?: WorkflowStatus;
}

/** A job status as CircleCI spells it. */
export type JobStatus =
  | WorkflowStatus
  | 'retried'
  | 'queued'
  | 'not_running'
  | 'infrastructure_fail'
  | 'timedout'
  | 'terminated-unknown'
  | 'blocked';

/** A stored job in the CircleCI simulator. */
export interface SimJob {
  id: string;
  jobNumber: number | null;
  name: string;
  workflowId: string;
  projectSlug: string;
  type: 'build' | 'approval';
  status: JobStatus;
  startedAt: string | null;
  stoppedAt: string | null;
  dependencies: string[];
  approvalRequestId?: string;
  approvedBy?: string;
  canceledBy?: string;
}

/** Days and months as schedules name them. */
export type Weekday = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';
/** A month as CircleCI timetables spell it. */
export type Month = 'JAN' | 'FEB' | 'MAR' | 'APR' | 'MAY' | 'JUN' | 'JUL' | 'AUG' | 'SEP' | 'OCT' | 'NOV' | 'DEC';

/** A schedule's timetable in CircleCI's kebab-case keys. */
export interface SimTimetable {
  'per-hour': number;
  'hours-of-day': number[];
  'days-of-week'?: Weekday[];
  'days-of-month'?: number[];
  months?: Month[];
}

/** A scheduled pipeline of a project. */
export interface SimSchedule {
  id: string;
  name: string;
  description: string | null;
  projectSlug: string;
  timetable: SimTimetable;
  parameters: Record<string, string | number | boolean>;
  actor: { id: string; login: string; name: string };
  createdAt: string;
  updatedAt: string;
}

/** A project environment variable, kept in clear and only ever sent masked. */
export interface SimEnvVar {
  readonly projectSlug: string;
  readonly name: string;
  value: string;
  createdAt: string | null;
}

/** An SSH key CircleCI checks a project out with. */
export interface SimCheckoutKey {
  readonly projectSlug: string;
  readonly type: 'deploy-key' | 'github-user-key';
  readonly publicKey: string;
  /** `aa:bb:…`, the default digest. */
  readonly md5: string;
  /** `SHA256:…` (base64, unpadded), as `ssh-keygen -l` prints it. */
  readonly sha256: string;
  readonly createdAt: string;
}

/** `advanced` project settings, in CircleCI's snake_case keys. */
export type SimAdvancedSettings = Record<string, boolean | string[]>;

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The CircleCI simulator's data: deterministic seeded organizations,
 * projects, users, pipelines, workflows and jobs, and the clock that moves
 * running workflows forward. Starts empty; `seedStore` fills it. Resource
 * areas add their own collections.
 */
export class CircleCiStore {
  readonly users: SimUser[] = [];
  readonly orgs: SimOrg[] = [];
  readonly projects: SimProject[] = [];
  readonly pipelines: SimPipeline[] = [];
  readonly workflows: SimWorkflow[] = [];
  readonly jobs: SimJob[] = [];
  private nextJobNumber = new Map<string, number>();
  /** How long a newly started workflow runs, in ms. */
  runDurationMs: number;
  readonly schedules: SimSchedule[] = [];
  readonly envVars: SimEnvVar[] = [];
  readonly checkoutKeys: SimCheckoutKey[] = [];
  /** Project settings by project slug. */
  readonly settings = new Map<string, SimAdvancedSettings>();
  /** Setup pipelines waiting for `POST /pipeline/continue`, by continuation key. */
  readonly continuations = new Map<string, { readonly pipelineId: string; used: boolean }>();
  /** Called when `advance` finishes a workflow, with the jobs it changed (webhook delivery hooks in here). */
  onWorkflowFinished: ((workflow: SimWorkflow, jobs: readonly SimJob[]) => void) | undefined;

  constructor(options: { readonly runDurationMs?: number | undefined } = {}) {
    this.runDurationMs = options.runDurationMs ?? 15_000;
  }

  /** The next pipeline number of a project. */
  nextPipelineNumber(projectSlug: string): number {
    return this.pipelines.reduce((max, pipeline) => (pipeline.projectSlug === projectSlug ? Math.max(max, pipeline.number) : max), 0) + 1;
  }

  /** Adds a pipeline with the next number of its project. */
  addPipeline(
    projectSlug: string,
    number: number,
    createdMs: number,
    options: { branch: string; actor: string; triggerType: SimPipeline['triggerType']; state?: SimPipeline['state']; parameters?: SimPipeline['parameters'] },
  ): SimPipeline {
    const pipeline: SimPipeline = {
      id: stableUuid(`pipeline:${projectSlug}:${number}`),
      number,
      projectSlug,
      state: options.state ?? 'created',
      createdAt: iso(createdMs),
      updatedAt: iso(createdMs + 2000),
      branch: options.branch,
      revision: stableUuid(`rev:${projectSlug}:${number}`).replace(/-/g, '').slice(0, 40).padEnd(40, '0'),
      actor: options.actor,
      triggerType: options.triggerType,
      parameters: options.parameters ?? {},
      config: 'version: 2.1\nworkflows:\n  build-and-test:\n    jobs: [build, test]\n',
    };
    this.pipelines.push(pipeline);
    return pipeline;
  }

  /** Adds a workflow with jobs that agree with its status. */
  addWorkflow(pipeline: SimPipeline, name: string, status: WorkflowStatus, createdMs: number, random: () => number = Math.random): SimWorkflow {
    const workflow: SimWorkflow = {
      id: stableUuid(`workflow:${pipeline.id}:${name}:${this.workflows.length}`),
      name,
      pipelineId: pipeline.id,
      pipelineNumber: pipeline.number,
      projectSlug: pipeline.projectSlug,
      status,
      createdAt: iso(createdMs),
      stoppedAt: ['running', 'on_hold', 'failing'].includes(status) ? null : iso(createdMs + 60_000 + Math.floor(random() * 600_000)),
      startedBy: stableUuid(`user:${pipeline.actor}`),
    };
    if (status === 'running' || status === 'failing') {
      workflow.finishesAt = Date.now() + this.runDurationMs;
      workflow.finalStatus = status === 'failing' ? 'failed' : 'success';
    }
    this.workflows.push(workflow);
    const jobStatuses: Record<WorkflowStatus, JobStatus[]> = {
      success: ['success', 'success', 'success'],
      running: ['success', 'running', 'blocked'],
      not_run: ['not_run', 'not_run', 'not_run'],
      failed: ['success', 'failed', 'not_run'],
      error: ['success', 'infrastructure_fail', 'not_run'],
      failing: ['failed', 'running', 'blocked'],
      on_hold: ['success', 'on_hold', 'blocked'],
      canceled: ['success', 'canceled', 'not_run'],
      unauthorized: ['unauthorized', 'not_run', 'not_run'],
    };
    const names = name === 'deploy' ? ['build', 'hold-for-approval', 'deploy'] : ['build', 'test', 'lint'];
    const states = jobStatuses[status];
    let previous: string | null = null;
    names.forEach((jobName, index) => {
      const jobStatus = states[index] ?? 'not_run';
      const approval = jobName === 'hold-for-approval';
      const started = jobStatus !== 'not_run' && jobStatus !== 'blocked' && jobStatus !== 'on_hold' && !approval;
      const finished = started && jobStatus !== 'running' && jobStatus !== 'queued';
      const job: SimJob = {
        id: stableUuid(`job:${workflow.id}:${jobName}`),
        jobNumber: approval || !started ? null : this.takeJobNumber(pipeline.projectSlug),
        name: jobName,
        workflowId: workflow.id,
        projectSlug: pipeline.projectSlug,
        type: approval ? 'approval' : 'build',
        status: approval && status === 'on_hold' ? 'on_hold' : jobStatus,
        startedAt: started ? iso(createdMs + index * 30_000) : null,
        stoppedAt: finished ? iso(createdMs + index * 30_000 + 25_000) : null,
        dependencies: previous === null ? [] : [previous],
        ...(approval ? { approvalRequestId: stableUuid(`approval:${workflow.id}`) } : {}),
      };
      previous = job.id;
      this.jobs.push(job);
    });
    return workflow;
  }

  /** The next job number of a project. */
  takeJobNumber(projectSlug: string): number {
    const next = (this.nextJobNumber.get(projectSlug) ?? 100) + 1;
    this.nextJobNumber.set(projectSlug, next);
    return next;
  }

  /** Moves running workflows whose time has come to their final status. */
  advance(now = Date.now()): SimWorkflow[] {
    const changed: SimWorkflow[] = [];
    for (const workflow of this.workflows) {
      if (workflow.finishesAt === undefined || workflow.finishesAt > now) continue;
      const status = workflow.finalStatus ?? 'success';
      workflow.status = status;
      workflow.stoppedAt = new Date(now).toISOString();
      delete workflow.finishesAt;
      const jobs: SimJob[] = [];
      for (const job of this.jobs) {
        if (job.workflowId !== workflow.id) continue;
        if (job.status === 'running' || job.status === 'blocked' || job.status === 'queued') {
          job.status = status === 'success' ? 'success' : job.status === 'running' ? 'failed' : 'not_run';
          job.startedAt ??= workflow.createdAt;
          job.stoppedAt = workflow.stoppedAt;
          jobs.push(job);
        }
      }
      changed.push(workflow);
      this.onWorkflowFinished?.(workflow, jobs);
    }
    return changed;
  }

  /** Cancels an active workflow: its running jobs are canceled, the waiting ones never run. */
  cancelWorkflow(workflow: SimWorkflow, userId: string, now = Date.now()): void {
    workflow.status = 'canceled';
    workflow.canceledBy = userId;
    workflow.stoppedAt = new Date(now).toISOString();
    delete workflow.finishesAt;
    for (const job of this.jobs) {
      if (job.workflowId !== workflow.id) continue;
      if (job.status === 'running' || job.status === 'queued') {
        job.status = 'canceled';
        job.canceledBy = userId;
        job.stoppedAt = workflow.stoppedAt;
      } else if (job.status === 'blocked' || job.status === 'on_hold' || job.status === 'not_running') {
        job.status = 'not_run';
      }
    }
  }

  /** Cancels one job; an active workflow it belongs to ends canceled. */
  cancelJob(job: SimJob, userId: string, now = Date.now()): void {
    const workflow = this.workflows.find((candidate) => candidate.id === job.workflowId);
    if (workflow !== undefined && ['running', 'on_hold', 'failing'].includes(workflow.status) && ['running', 'queued', 'blocked', 'on_hold', 'not_running'].includes(job.status)) {
      this.cancelWorkflow(workflow, userId, now);
    }
    if (['running', 'queued', 'blocked', 'on_hold', 'not_running', 'not_run'].includes(job.status)) {
      job.status = 'canceled';
      job.canceledBy = userId;
      job.stoppedAt ??= new Date(now).toISOString();
    }
  }

  /** Approves a held job: the workflow runs again and finishes after the run duration. */
  approveJob(workflow: SimWorkflow, job: SimJob, userId: string, now = Date.now()): void {
    job.status = 'success';
    job.approvedBy = userId;
    job.startedAt = new Date(now).toISOString();
    job.stoppedAt = job.startedAt;
    workflow.status = 'running';
    workflow.finishesAt = now + this.runDurationMs;
    workflow.finalStatus = 'success';
  }

  userByToken(token: string): SimUser | undefined {
    return this.users.find((user) => user.token === token);
  }

  /** Whether a user may see a project (by its organization). */
  canSee(user: SimUser, projectSlug: string): boolean {
    return user.orgs.some((org) => projectSlug.startsWith(`${org}/`));
  }
}
