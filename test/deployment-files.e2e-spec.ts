/**
 * The deployment files agree with the service and with themselves: each
 * Compose file's Keyring environment passes Keyring's own configuration check,
 * its connection string names the EventStoreDB services the file defines,
 * the nodes agree with one another, and the Dockerfile builds what the
 * service needs. The files are read as text: no container engine is needed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCliArguments } from '../apps/keyring/src/cli/cli-arguments';
import { parseEnvironment } from '../apps/keyring/src/platform/config/environment';
import type { KeyringConfig } from '../apps/keyring/src/platform/config/keyring-config';
import {
  dockerfileEnvironment,
  environmentOf,
  healthcheckCommand,
  instructionsOf,
  isEventStoreNode,
  isInsecure,
  isKeyring,
  namedVolumes,
  nodePort,
  nodeSetting,
  OPERATOR_VARIABLES,
  parseConnectionString,
  publishedPorts,
  rawEnvironment,
  readCompose,
  readDockerfileStages,
  type Service,
  servicesWhere,
} from './support/deployment-files';

const ROOT = path.resolve(__dirname, '..');

const dockerfile = readDockerfileStages();
const runtimeStage = dockerfile[dockerfile.length - 1];
const imageEnvironment = dockerfileEnvironment(runtimeStage);

/** What the service would make of a container's environment: the image's defaults under the file's. */
function keyringConfig(service: Service, variables = OPERATOR_VARIABLES): KeyringConfig {
  return parseEnvironment({ ...imageEnvironment, ...environmentOf(service, variables) });
}

/** The connection string the service reads from a Keyring's environment. */
function connectionStringOf(keyring: Service): string {
  const { connectionString } = keyringConfig(keyring).eventStore;
  if (connectionString === null) throw new Error('no EVENTSTORE_CONNECTION_STRING');
  return connectionString;
}

const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.cluster.yml'];

describe('the Dockerfile', () => {
  it('builds in stages and runs the webpack bundle, as `npm start` does', () => {
    expect(dockerfile.slice(1).length).toBeGreaterThanOrEqual(2);
    const [command] = instructionsOf(runtimeStage, 'CMD');
    expect(JSON.parse(command)).toEqual(['node', 'dist/apps/keyring/main.js']);
    const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(packageJson.scripts.start).toContain('node dist/apps/keyring/main.js');
  });

  it('installs only production dependencies for the runtime', () => {
    const installs = dockerfile.flatMap((stage) => instructionsOf(stage, 'RUN'));
    expect(installs.some((run) => /\bnpm ci\b[^&]*--omit=dev/.test(run))).toBe(true);
  });

  it('runs as a user other than root', () => {
    const users = instructionsOf(runtimeStage, 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:|$)/);
  });

  it('listens on every interface and on the port it exposes; its defaults alone are valid', () => {
    const config = parseEnvironment(imageEnvironment);
    expect(config.host).toBe('0.0.0.0');
    const exposed = instructionsOf(runtimeStage, 'EXPOSE').join(' ').split(/\s+/);
    expect(exposed).toContain(String(config.port));
    expect(exposed).toContain(String(config.grpcPort));
  });

  it("gives DATA_DIR to the service's user, as a volume", () => {
    const dataDir = imageEnvironment.DATA_DIR;
    const [user] = instructionsOf(runtimeStage, 'USER').slice(-1);
    const preparesDataDir = instructionsOf(runtimeStage, 'RUN').some(
      (run) => run.includes(dataDir) && (run.includes(`--owner=${user}`) || run.includes(`chown ${user}`)),
    );
    expect(preparesDataDir).toBe(true);
    expect(instructionsOf(runtimeStage, 'VOLUME').join(' ')).toContain(dataDir);
  });

  it('checks readiness on the configured port', () => {
    const [healthcheck] = instructionsOf(runtimeStage, 'HEALTHCHECK');
    expect(healthcheck).toContain('/health/ready');
    expect(healthcheck).toContain(`process.env.PORT || ${parseEnvironment(imageEnvironment).port}`);
  });
});

describe.each(COMPOSE_FILES)('%s', (file) => {
  const compose = readCompose(file);
  const nodes = servicesWhere(compose, isEventStoreNode);
  const keyrings = servicesWhere(compose, isKeyring);

  it('runs EventStoreDB and Keyring', () => {
    expect(nodes.length).toBeGreaterThanOrEqual(1);
    expect(keyrings.length).toBeGreaterThanOrEqual(1);
  });

  it("gives every Keyring an environment that passes the service's own validation, on EventStoreDB", () => {
    for (const [, keyring] of keyrings) {
      const config = keyringConfig(keyring);
      expect(config.host).toBe('0.0.0.0');
      expect(config.eventStore.kind).toBe('esdb');
    }
  });

  it('publishes the ports each Keyring listens on (REST and gRPC), and checks its readiness there', () => {
    for (const [, keyring] of keyrings) {
      const { port, grpcPort } = keyringConfig(keyring);
      expect(publishedPorts(keyring).map(([, container]) => container)).toEqual(
        expect.arrayContaining([port, grpcPort]),
      );
      // Without a healthcheck of its own, the image's (checked above) asks /health/ready on PORT.
      if (keyring.healthcheck !== undefined) {
        expect(healthcheckCommand(keyring)).toMatch(new RegExp(`:${port}/health/(ready|live)`));
      }
    }
  });

  it('names as issuer an address where this file publishes a Keyring', () => {
    const hostPorts = keyrings.flatMap(([, keyring]) => publishedPorts(keyring).map(([host]) => host));
    for (const [, keyring] of keyrings) {
      const issuer = new URL(keyringConfig(keyring).tokens.issuer);
      expect(issuer.hostname).toBe('localhost');
      expect(hostPorts).toContain(Number(issuer.port));
    }
  });

  it("checks each node's health on its HTTP port", () => {
    for (const [, node] of nodes) {
      expect(healthcheckCommand(node)).toMatch(new RegExp(`:${nodePort(node)}/health/(live|ready)`));
    }
  });

  // /health/live passes before an election; a Keyring started then would find no leader to write to.
  it('reports each node healthy only once its gossip names a leader', () => {
    for (const [, node] of nodes) {
      const command = healthcheckCommand(node);
      expect(command).toContain(`localhost:${nodePort(node)}/gossip`);
      expect(command).toMatch(/grep [^|]*Leader/);
      expect(command).toMatch(/\/health\/live.*&&.*\/gossip/);
    }
  });

  it('bounds every call in the connection strings, and discovery when several nodes are listed', () => {
    for (const [, keyring] of keyrings) {
      const { hosts, discover, options } = parseConnectionString(connectionStringOf(keyring));
      expect(Number(options.get('defaultDeadline'))).toBeGreaterThan(0);
      if (hosts.length === 1 && !discover) continue;
      expect(Number(options.get('maxDiscoverAttempts'))).toBeGreaterThan(0);
      // In seconds in @eventstore/db-client 6: a request to one seed, not the whole discovery.
      expect(Number(options.get('gossipTimeout'))).toBeGreaterThan(0);
      expect(Number(options.get('gossipTimeout'))).toBeLessThanOrEqual(10);
    }
  });

  it("connects every Keyring to this file's nodes, by service name and HTTP port, every node listed", () => {
    const nodeEndpoints = nodes.map(([name, node]) => `${name}:${nodePort(node)}`).sort();
    for (const [, keyring] of keyrings) {
      const { discover, hosts } = parseConnectionString(connectionStringOf(keyring));
      expect(discover).toBe(false);
      expect(hosts.map(({ host, port }) => `${host}:${port}`).sort()).toEqual(nodeEndpoints);
    }
  });

  it('matches tls=false in the connection strings with insecure nodes', () => {
    const insecure = nodes.map(([, node]) => isInsecure(node));
    expect(new Set(insecure).size).toBe(1);
    for (const [, keyring] of keyrings) {
      const { options } = parseConnectionString(connectionStringOf(keyring));
      expect(options.get('tls') === 'false').toBe(insecure[0]);
    }
  });

  it('sizes the cluster by its nodes, and seeds each node with all the others', () => {
    for (const [name, node] of nodes) {
      expect(Number(nodeSetting(node, 'CLUSTER_SIZE'))).toBe(nodes.length);
      if (nodes.length === 1) continue;
      const others = nodes.filter(([other]) => other !== name).map(([other, o]) => `${other}:${nodePort(o)}`);
      expect((nodeSetting(node, 'GOSSIP_SEED') ?? '').split(',').sort()).toEqual(others.sort());
      expect(nodeSetting(node, 'DISCOVER_VIA_DNS')).toBe('false');
      expect(nodeSetting(node, 'NODE_HOST_ADVERTISE_AS')).toBe(name);
      expect(nodeSetting(node, 'REPLICATION_HOST_ADVERTISE_AS')).toBe(name);
    }
  });

  it('declares every named volume it mounts, and mounts every one it declares', () => {
    const mounted = new Set(
      Object.values(compose.services).flatMap((service) => [...namedVolumes(service).keys()]),
    );
    expect([...mounted].sort()).toEqual(Object.keys(compose.volumes ?? {}).sort());
  });

  it("keeps each Keyring's DATA_DIR on a volume of its own", () => {
    const dataVolumes = keyrings.map(([, keyring]) => {
      const { dataDir } = keyringConfig(keyring);
      const volume = [...namedVolumes(keyring)].find(([, target]) => target === dataDir);
      expect(volume).toBeDefined();
      return volume?.[0];
    });
    expect(new Set(dataVolumes).size).toBe(keyrings.length);
  });

  it('waits for health only on services that have a health check', () => {
    const imageHasHealthcheck = instructionsOf(runtimeStage, 'HEALTHCHECK').length > 0;
    for (const service of Object.values(compose.services)) {
      const dependencies = Array.isArray(service.depends_on) ? {} : (service.depends_on ?? {});
      for (const [name, { condition }] of Object.entries(dependencies)) {
        if (condition !== 'service_healthy') continue;
        const dependency = compose.services[name];
        expect(dependency).toBeDefined();
        const healthChecked =
          dependency.healthcheck !== undefined || (isKeyring(dependency) && imageHasHealthcheck);
        expect({ name, healthChecked }).toEqual({ name, healthChecked: true });
      }
    }
  });
});

describe('docker-compose.cluster.yml', () => {
  const compose = readCompose('docker-compose.cluster.yml');
  const keyrings = servicesWhere(compose, isKeyring);

  it('runs three nodes and at least two Keyring replicas, connecting to the leader', () => {
    expect(servicesWhere(compose, isEventStoreNode)).toHaveLength(3);
    expect(keyrings.length).toBeGreaterThanOrEqual(2);
    for (const [, keyring] of keyrings) {
      const { options } = parseConnectionString(connectionStringOf(keyring));
      expect(options.get('nodePreference')).toBe('leader');
    }
  });

  it('gives every replica the same pepper, from the operator, never one written in the file', () => {
    const peppers = keyrings.map(([, keyring]) => rawEnvironment(keyring).KEYRING_SECRET_PEPPER);
    expect(new Set(peppers).size).toBe(1);
    expect(peppers[0]).toMatch(/^\$\{KEYRING_SECRET_PEPPER:\?[^}]+\}$/);
    expect(() => keyringConfig(keyrings[0][1], {})).toThrow(/KEYRING_SECRET_PEPPER is required/);
  });

  it('shares one signing key ring and one issuer between the replicas', () => {
    const configs = keyrings.map(([, keyring]) => keyringConfig(keyring));
    expect(new Set(configs.map(({ tokens }) => tokens.signingKeysFile)).size).toBe(1);
    expect(new Set(configs.map(({ tokens }) => tokens.issuer)).size).toBe(1);
    expect(new Set(configs.map(({ tokens }) => tokens.audience)).size).toBe(1);

    const keysDirectory = path.posix.dirname(configs[0].tokens.signingKeysFile);
    const keysVolumes = keyrings.map(
      ([, keyring]) => [...namedVolumes(keyring)].find(([, target]) => target === keysDirectory)?.[0],
    );
    expect(keysVolumes[0]).toBeDefined();
    expect(new Set(keysVolumes).size).toBe(1);
    // A fresh named volume takes the owner of the image's directory, so the image must prepare it.
    expect(instructionsOf(runtimeStage, 'RUN').some((run) => run.includes(keysDirectory))).toBe(true);
  });
});

describe('the two Compose files', () => {
  it('are separate projects, so their containers and volumes never mix', () => {
    const names = COMPOSE_FILES.map((file) => readCompose(file).name);
    expect(names.every((name) => typeof name === 'string')).toBe(true);
    expect(new Set(names).size).toBe(COMPOSE_FILES.length);
  });
});

describe("the README's commands for EventStoreDB", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## Running on EventStoreDB$/m)[1]?.split(/^## /m)[0] ?? '';
  const commands = [...section.matchAll(/docker compose(?: -f (\S+))? (\w+) ([^\n`#]*)/g)];
  const [main] = JSON.parse(instructionsOf(runtimeStage, 'CMD')[0]).slice(-1);

  it('name Compose files and services that exist, and CLI commands the image runs', () => {
    expect(commands.length).toBeGreaterThan(0);
    for (const [, file = 'docker-compose.yml', verb, rest] of commands) {
      const services = Object.keys(readCompose(file).services);
      const words = rest
        .trim()
        .split(/\s+/)
        .filter((word) => word !== '' && !word.startsWith('--'));
      if (verb !== 'exec') {
        // up [service...], stop/start service, run [options] service command
        const named = verb === 'run' ? words.slice(0, 1) : words;
        for (const service of named) expect(services).toContain(service);
        continue;
      }
      const [service, node, cli, ...argv] = words;
      expect(services).toContain(service);
      expect([node, cli]).toEqual(['node', path.posix.join(path.posix.dirname(main), 'cli.js')]);
      expect(() => parseCliArguments(argv)).not.toThrow();
    }
  });
});
