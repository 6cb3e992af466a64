/** The docker deploy backend: stacks straight to Docker engines (compose and swarm). */
export { DockerStacksProvider, type DockerProviderOptions } from './provider.js';
/** The docker CLI bound to one engine, and compose CLI detection. */
export { DockerEngine, detectCompose, type ComposeCli, type DockerRunner } from './engine.js';
/** What observation returns. */
export type { DockerLive, EngineLive, LiveProject } from './live.js';
/** Pure planning of docker stacks. */
export { planDockerStacks, dockerDeployments, enginesToObserve, type DockerStackValue } from './plan.js';
/** Phoenix's ownership labels (defined by the derivation's renderer). */
export { DEPLOYMENT_LABEL, HASH_LABEL, OWNER_LABEL } from './labels.js';
