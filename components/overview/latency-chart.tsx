import { checkLabels } from "./check-list";
import type { Sample } from "./types";

const WIDTH = 600;
const HEIGHT = 160;
const PAD = { top: 12, right: 12, bottom: 20, left: 44 };
const SLOTS = 30;

const strokes = [
  "stroke-indigo-500",
  "stroke-amber-500",
  "stroke-teal-500",
  "stroke-fuchsia-500",
];
const fills = ["bg-indigo-500", "bg-amber-500", "bg-teal-500", "bg-fuchsia-500"];

// A round number at or above the largest latency, for the top of the axis.
function ceiling(max: number) {
  const step = 10 ** Math.floor(Math.log10(Math.max(max, 1)));

  return Math.ceil(Math.max(max, 1) / step) * step;
}

function x(index: number) {
  return PAD.left + (index / (SLOTS - 1)) * (WIDTH - PAD.left - PAD.right);
}

// One line per readiness check over the last answers; a failed check has no
// latency, so it shows as a red mark at the top instead of a point.
export function LatencyChart({ samples }: { samples: Sample[] }) {
  const names = [...new Set(samples.flatMap((sample) => Object.keys(sample.latencies)))];
  const values = samples.flatMap((s) => Object.values(s.latencies)).filter((v) => v !== null);
  const top = ceiling(Math.max(0, ...values));
  const y = (ms: number) => HEIGHT - PAD.bottom - (ms / top) * (HEIGHT - PAD.top - PAD.bottom);
  const offset = SLOTS - samples.length;

  return (
    <figure>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Readiness check latency over the last ${samples.length} answers`}
        className="h-auto w-full text-slate-400"
      >
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} className="stroke-current" />
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(top)} y2={y(top)} className="stroke-current opacity-30" strokeDasharray="4 4" />
        <text x={PAD.left - 6} y={y(top) + 4} textAnchor="end" className="fill-current text-[11px]">
          {top} ms
        </text>
        <text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" className="fill-current text-[11px]">
          0
        </text>
        {names.map((name, series) => (
          <Series
            key={name}
            points={samples.map((s, i) => [x(i + offset), s.latencies[name] ?? null] as const)}
            y={y}
            top={y(top)}
            stroke={strokes[series % strokes.length]}
          />
        ))}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600 dark:text-slate-400">
        {names.map((name, series) => (
          <span key={name} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block size-2.5 rounded-full ${fills[series % fills.length]}`} />
            {checkLabels[name] ?? name}
          </span>
        ))}
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-2.5 w-1 bg-red-600" />
          failed
        </span>
      </figcaption>
    </figure>
  );
}

type SeriesProps = {
  points: (readonly [number, number | null])[];
  y: (ms: number) => number;
  top: number;
  stroke: string;
};

function Series({ points, y, top, stroke }: SeriesProps) {
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
          <rect key={i} x={px - 1.5} y={top} width={3} height={12} className="fill-red-600" />
        ) : (
          <circle key={i} cx={px} cy={y(ms)} r={2.5} className={`fill-white ${stroke} dark:fill-slate-900`} strokeWidth={1.5} />
        ),
      )}
    </g>
  );
}
