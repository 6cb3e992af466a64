/**
 * The Docker test rig itself: its image answers over HTTP, and cleanup removes what the run
 * labelled or registered, and nothing else.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execOk } from '../../src/util/exec.js';
import { TEST_RUN_LABEL, freePort, startDockerRig, type DockerRig } from '../rig/docker.js';

let rig: DockerRig | undefined;
const bystander = `phoenix-rig-bystander-${process.pid}`;

afterAll(async () => {
  await rig?.docker(['network', 'rm', bystander]).catch(() => undefined);
  await rig?.cleanup().catch(() => undefined);
});

describe('docker test rig', () => {
  it('serves HTTP from the test image and removes exactly what the run made', async () => {
    rig = await startDockerRig();
    const { docker, runId } = rig;
    const label = `${TEST_RUN_LABEL}=${runId}`;
    const port = await freePort();
    await docker(['run', '-d', '--label', label, '-p', `127.0.0.1:${port}:8080`, rig.images.v2]);
    await docker(['network', 'create', '--label', label, `${runId}-net`]);
    await docker(['volume', 'create', '--label', label, `${runId}-vol`]);
    await docker(['network', 'create', bystander]);
    const project = `${runId}-tracked`;
    rig.trackProject(project);
    await execOk(['docker-compose', '-p', project, '-f', '-', 'up', '-d'], {
      timeoutMs: 120_000,
      env: { ...process.env, DOCKER_HOST: rig.host },
      input: JSON.stringify({ services: { app: { image: rig.images.v1 } }, volumes: { data: {} } }),
    });

    let body = '';
    for (let i = 0; i < 40 && !body; i++) {
      body = await fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.text(),
        () => new Promise<string>((r) => setTimeout(() => r(''), 250)),
      );
    }
    expect(body).toBe('phoenix test image v2\n');

    await rig.cleanup();
    const left = async (args: string[]) => (await docker(args)).stdout.trim();
    expect(await left(['ps', '-aq', '--filter', `label=${label}`])).toBe('');
    expect(await left(['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`])).toBe('');
    expect(await left(['network', 'ls', '-q', '--filter', `label=${label}`])).toBe('');
    expect(
      await left(['network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`]),
    ).toBe('');
    expect(
      await left(['volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`]),
    ).toBe('');
    expect(await left(['volume', 'ls', '-q', '--filter', `label=${label}`])).toBe('');
    expect(await left(['images', '-q', '--filter', `label=${label}`])).toBe('');
    expect(await left(['network', 'ls', '--format', '{{.Name}}', '--filter', `name=${bystander}`])).toBe(
      bystander,
    );
  });
});
