import { ENDPOINTS, type EndpointId, type Target, type Targets } from "./endpoints";
import { fire, measure, toSample, type Sample } from "./load";
import type { Options } from "./options";
import type { Service } from "./processes";

export type SystemName = "agent-console" | "fastapi" | "floor";

export type Running = { name: SystemName; service: Service; targets: Targets };

export type Table = Partial<Record<SystemName, Partial<Record<EndpointId, Sample[]>>>>;

type Progress = (line: string) => void;

function load(system: Running, id: EndpointId, target: Target, options: Options, warm = false) {
  const token = id === "token";
  const connections = token ? options.tokenConnections : options.connections;
  const full = token ? options.tokenSeconds : options.seconds;

  const seconds = warm ? options.warmupSeconds : full;

  return measure({ url: system.service.url, target, connections, seconds });
}

function record(table: Table, system: SystemName, id: EndpointId, sample: Sample) {
  const row = (table[system] ??= {});
  (row[id] ??= []).push(sample);
}

// Every endpoint once per system, unrecorded: lazy route loading and the JIT
// settle before anything is measured.
export async function warmUp(systems: Running[], options: Options) {
  for (const { id } of ENDPOINTS) {
    for (const system of systems) {
      const target = system.targets[id];
      if (target) {
        await load(system, id, target, options, true);
      }
    }
  }
}

// Round after round, each endpoint is measured on A, then B, then C, so that
// machine noise falls on every system alike.
export async function runRounds(systems: Running[], options: Options, progress: Progress) {
  const table: Table = {};
  for (let round = 1; round <= options.rounds; round++) {
    for (const { id } of ENDPOINTS) {
      for (const system of systems) {
        const target = system.targets[id];
        if (target) {
          const sample = await load(system, id, target, options);
          record(table, system.name, id, sample);
          progress(`round ${round} ${id} ${system.name}: ${sample.rps} req/s, p99 ${sample.p99}`);
        }
      }
    }
  }

  return table;
}

// A login storm: `stormConnections` clients post the token form without a
// pause while liveness and the settings read are measured as in the rounds.
export async function runStorm(systems: Running[], options: Options, progress: Progress) {
  const table: Table = {};
  for (let round = 1; round <= options.rounds; round++) {
    for (const system of systems) {
      const { token, liveness, settings_get } = system.targets;
      if (!token || !liveness || !settings_get) {
        continue;
      }

      const connections = options.stormConnections;
      const storm = fire({ url: system.service.url, target: token, connections, seconds: 60 });
      // Let every storm connection get a login in flight first.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const measured = [["liveness", liveness], ["settings_get", settings_get]] as const;
      for (const [id, target] of measured) {
        const sample = await load(system, id, target, options);
        record(table, system.name, id, sample);
        progress(`storm ${round} ${id} ${system.name}: p99 ${sample.p99} ms`);
      }
      storm.stop();
      record(table, system.name, "token", toSample(await storm));
    }
  }

  return table;
}
