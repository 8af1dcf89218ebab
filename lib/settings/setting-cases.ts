import type { SettingKey } from "./schema";

export type SettingCase = {
  key: SettingKey;
  good: unknown[];
  wrongType: unknown[];
  // A value of the right type that breaks a rule, and words of the message naming it.
  outOfBounds: [unknown, string][];
};

const many = (count: number, make: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => make(i));

// Values every setting must accept and refuse, one row per allowed key. The
// schema's unit tests and the API's end-to-end tests both walk this table.
export const settingCases: SettingCase[] = [
  {
    key: "target_subreddits",
    good: [["test", "bottest"], [], ["AskReddit", "a_b"]],
    wrongType: ["test", [1], null, { 0: "test" }],
    outOfBounds: [
      [["ab"], "Not a valid subreddit name"],
      [["_test"], "Not a valid subreddit name"],
      [["has space"], "Not a valid subreddit name"],
      [["x".repeat(22)], "Not a valid subreddit name"],
      [["test", "TEST"], "must not repeat"],
      [many(51, (i) => `sub${i}`), "At most 50"],
    ],
  },
  {
    key: "auto_posting_enabled",
    good: [true, false],
    wrongType: ["true", 1, null],
    outOfBounds: [],
  },
  {
    key: "require_approval",
    good: [true, false],
    wrongType: ["false", 0, []],
    outOfBounds: [],
  },
  {
    key: "max_posts_per_day",
    good: [0, 10, 100],
    wrongType: ["10", true, null],
    outOfBounds: [
      [101, "<=100"],
      [-1, ">=0"],
      [1.5, "int"],
      [1e300, "<="],
    ],
  },
  {
    key: "max_comments_per_day",
    good: [0, 50, 500],
    wrongType: ["50", false],
    outOfBounds: [
      [501, "<=500"],
      [-5, ">=0"],
    ],
  },
  {
    key: "posting_interval_minutes",
    good: [5, 30, 1440],
    wrongType: ["30", {}],
    outOfBounds: [
      [4, ">=5"],
      [1441, "<=1440"],
      [30.5, "int"],
    ],
  },
  {
    key: "active_hours",
    good: [
      { start: "08:00", end: "22:00", timezone: "Europe/Berlin" },
      { start: "22:00", end: "06:30", timezone: "UTC" },
    ],
    wrongType: ["08:00-22:00", ["08:00", "22:00"], null],
    outOfBounds: [
      [{ start: "24:00", end: "22:00", timezone: "UTC" }, "HH:MM"],
      [{ start: "8:00", end: "22:00", timezone: "UTC" }, "HH:MM"],
      [{ start: "08:00", end: "22:00", timezone: "Mars/Olympus_Mons" }, "IANA time zone"],
      [{ start: "08:00", end: "22:00" }, "timezone"],
      [{ start: "08:00", end: "22:00", timezone: "UTC", extra: 1 }, "extra"],
      [{ start: "09:00", end: "09:00", timezone: "UTC" }, "must differ"],
    ],
  },
  {
    key: "llm_model",
    good: ["openai/gpt-4o-mini", "anthropic/claude-3.5-sonnet", "meta-llama/llama-3:free"],
    wrongType: [42, null, ["openai/gpt-4o"]],
    outOfBounds: [
      ["gpt-4o", "provider/model"],
      ["", "provider/model"],
      [`openai/${"m".repeat(100)}`, "<=100"],
    ],
  },
  {
    key: "llm_temperature",
    good: [0, 0.7, 2],
    wrongType: ["0.7", null],
    outOfBounds: [
      [2.01, "<=2"],
      [-0.1, ">=0"],
    ],
  },
  {
    key: "persona_tone",
    good: ["friendly and concise", "x", "line one\r\nline two\twith a tab", "ünïcödé 😀"],
    wrongType: [5, ["friendly"]],
    outOfBounds: [
      ["", ">=1"],
      ["nul\u0000inside", "control characters"],
      ["bell\u0007", "control characters"],
      ["escape\u001b[31m", "control characters"],
      ["reads \u202Ebackwards", "bidi overrides"],
      ["isolated \u2066text\u2069", "bidi overrides"],
      ["lone \ud800 surrogate", "unpaired surrogates"],
      ["   ", ">=1"],
      ["t".repeat(501), "<=500"],
    ],
  },
  {
    key: "blocked_keywords",
    good: [[], ["spam", "crypto giveaway"], ["café", "cafe"]],
    wrongType: ["spam", [1, 2], { spam: true }],
    outOfBounds: [
      [[""], ">=1"],
      [["spam", "SPAM"], "must not repeat"],
      [["spam", " spam "], "must not repeat"],
      [["sp\u0000am"], "control characters"],
      [["\u202Emaps"], "bidi overrides"],
      [["\udc00"], "unpaired surrogates"],
      [["k".repeat(51)], "<=50"],
      [many(201, (i) => `word${i}`), "At most 200"],
    ],
  },
  {
    key: "daily_llm_budget_usd",
    good: [0, 2.5, 1000],
    wrongType: ["5", null],
    outOfBounds: [
      [1000.01, "<=1000"],
      [-1, ">=0"],
    ],
  },
];
