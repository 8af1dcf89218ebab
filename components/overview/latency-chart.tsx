import { checkLabels } from "./check-list";
import type { Sample } from "./types";

const WIDTH = 720;
const HEIGHT = 180;
const PAD = { top: 14, right: 8, bottom: 8, left: 8 };
const SLOTS = 30;

const series = [
  { stroke: "stroke-indigo-500", swatch: "bg-indigo-500" },
  { stroke: "stroke-amber-500", swatch: "bg-amber-500" },
  { stroke: "stroke-teal-500", swatch: "bg-teal-500" },
  { stroke: "stroke-fuchsia-500", swatch: "bg-fuchsia-500" },
];

const colours = (index: number) => series[index % series.length];

// A round number at or above the largest latency, for the top of the axis.
function ceiling(max: number) {
  const step = 10 ** Math.floor(Math.log10(Math.max(max, 1)));

  return Math.ceil(Math.max(max, 1) / step) * step;
}

function x(slot: number) {
  return PAD.left + (slot / (SLOTS - 1)) * (WIDTH - PAD.left - PAD.right);
}

const clock = (iso?: string) => (iso ? iso.slice(11, 19) : "");

// Labels are HTML beside the drawing, so they keep their size on any screen.
const axisLabel = "absolute right-0 -translate-y-1/2 text-xs text-slate-500 dark:text-slate-400";

// One line per readiness check over the last answers, newest on the right. A
// failed check has no latency: it shows as a red mark along the top.
export function LatencyChart({ samples }: { samples: Sample[] }) {
  const names = [...new Set(samples.flatMap((sample) => Object.keys(sample.latencies)))];
  const values = samples.flatMap((s) => Object.values(s.latencies)).filter((v) => v !== null);
  const top = ceiling(Math.max(0, ...values));
  const y = (ms: number) => HEIGHT - PAD.bottom - (ms / top) * (HEIGHT - PAD.top - PAD.bottom);
  const offset = SLOTS - samples.length;

  return (
    <figure>
      <div className="flex gap-2">
        <div aria-hidden="true" className="relative w-12 shrink-0">
          {[0, top / 2, top].map((ms) => (
            <span key={ms} className={axisLabel} style={{ top: `${(y(ms) / HEIGHT) * 100}%` }}>
              {ms === 0 ? "0" : `${ms} ms`}
            </span>
          ))}
        </div>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={`Readiness check latency over the last ${samples.length} answers`}
          className="h-auto min-w-0 flex-1 text-slate-400 dark:text-slate-500"
        >
          <Axis top={top} y={y} />
          {names.map((name, index) => (
            <Series
              key={name}
              points={samples.map((s, i) => [x(i + offset), s.latencies[name] ?? null] as const)}
              y={y}
              failedAt={PAD.top}
              stroke={colours(index).stroke}
            />
          ))}
        </svg>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600 dark:text-slate-400">
        {names.map((name, index) => (
          <Swatch key={name} className={`size-2.5 rounded-full ${colours(index).swatch}`}>
            {checkLabels[name] ?? name}
          </Swatch>
        ))}
        <Swatch className="h-2.5 w-1 bg-red-600">failed</Swatch>
        {samples.length > 0 && (
          <span className="ml-auto tabular-nums">
            {clock(samples[0].at)} – {clock(samples.at(-1)?.at)} UTC
          </span>
        )}
      </figcaption>
    </figure>
  );
}

function Swatch({ className, children }: { className: string; children: React.ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden="true" className={`inline-block ${className}`} />
      {children}
    </span>
  );
}

function Axis({ top, y }: { top: number; y: (ms: number) => number }) {
  return (
    <g>
      {[0, top / 2, top].map((ms) => (
        <g key={ms}>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(ms)}
            y2={y(ms)}
            className={`stroke-current ${ms === 0 ? "" : "opacity-40"}`}
            strokeDasharray={ms === 0 ? undefined : "3 4"}
          />
        </g>
      ))}
    </g>
  );
}

type SeriesProps = {
  points: (readonly [number, number | null])[];
  y: (ms: number) => number;
  failedAt: number;
  stroke: string;
};

function Series({ points, y, failedAt, stroke }: SeriesProps) {
  const path = points
    .map(([px, ms], i) => {
      if (ms === null) {
        return "";
      }

      const move = i === 0 || points[i - 1][1] === null ? "M" : "L";

      return `${move}${px.toFixed(1)},${y(ms).toFixed(1)}`;
    })
    .join(" ");

  return (
    <g>
      <path d={path} fill="none" strokeWidth={2} className={stroke} />
      {points.map(([px, ms], i) =>
        ms === null ? (
          <rect key={i} x={px - 2} y={failedAt} width={4} height={14} className="fill-red-600" />
        ) : (
          <circle
            key={i}
            cx={px}
            cy={y(ms)}
            r={2.5}
            strokeWidth={1.5}
            className={`fill-white dark:fill-slate-900 ${stroke}`}
          />
        ),
      )}
    </g>
  );
}
