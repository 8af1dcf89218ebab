import { describe, expect, it } from "vitest";
import {
  createPersonaSchema,
  personaConfigSchema,
  personaIdSchema,
  settingKeys,
  settingSchemas,
} from "./schema";
import { settingCases } from "./setting-cases";
import { validateSetting } from "./service";

describe("the settings table", () => {
  it("has a row for every allowed key and no other", () => {
    expect(settingCases.map((row) => row.key).sort()).toEqual([...settingKeys].sort());
  });

  it("covers at least the keys the issue names", () => {
    expect(settingKeys).toEqual(
      expect.arrayContaining([
        "target_subreddits",
        "auto_posting_enabled",
        "require_approval",
        "max_posts_per_day",
        "max_comments_per_day",
        "posting_interval_minutes",
        "active_hours",
        "llm_model",
        "llm_temperature",
        "persona_tone",
        "blocked_keywords",
        "daily_llm_budget_usd",
      ]),
    );
  });
});

describe.each(settingCases)("setting $key", ({ key, good, wrongType, outOfBounds }) => {
  it.each(good.map((value) => [JSON.stringify(value), value]))("accepts %s", (_, value) => {
    expect(settingSchemas[key].safeParse(value).success).toBe(true);
  });

  it.each(wrongType.map((value) => [JSON.stringify(value), value]))(
    "refuses the wrong type %s",
    (_, value) => {
      expect(() => validateSetting(key, value)).toThrow(`Invalid value for '${key}'`);
    },
  );

  it.each(outOfBounds.map(([value, words]) => [JSON.stringify(value).slice(0, 60), value, words]))(
    "refuses %s, naming the problem",
    (_, value, words) => {
      expect(() => validateSetting(key, value)).toThrow(words as string);
    },
  );
});

describe("validateSetting", () => {
  it.each(["admin_password", "__proto__", "constructor", "toString", "", "Auto_Posting_Enabled"])(
    "refuses the key %j as not allowed",
    (key) => {
      expect(() => validateSetting(key, true)).toThrow(`Setting key '${key}' is not allowed`);
    },
  );

  it("answers a 400 for a refused value", () => {
    expect(() => validateSetting("max_posts_per_day", "ten")).toThrow(
      expect.objectContaining({ status: 400, code: "bad_request" }),
    );
  });

  it("trims subreddit names it accepts", () => {
    expect(validateSetting("target_subreddits", [" test "]).value).toEqual(["test"]);
  });
});

describe("personaConfigSchema", () => {
  it("accepts a partial config", () => {
    expect(personaConfigSchema.parse({ max_posts_per_day: 3 })).toEqual({ max_posts_per_day: 3 });
  });

  it("refuses a key that is not allowed", () => {
    expect(personaConfigSchema.safeParse({ admin_password: "x" }).success).toBe(false);
  });
});

describe("personaIdSchema", () => {
  it.each(["not-a-uuid", "", "123", "0e2c6c1f-8c5b-4c3b-9b8e"])("refuses %j", (value) => {
    expect(personaIdSchema.safeParse(value).success).toBe(false);
  });

  it("accepts a v4 uuid", () => {
    expect(personaIdSchema.safeParse("0e2c6c1f-8c5b-4c3b-9b8e-2f1a3b4c5d6e").success).toBe(true);
  });
});

describe("createPersonaSchema", () => {
  it.each([
    ["a NUL", "bot\u0000"],
    ["a bidi isolate", "\u2066bot"],
    ["a lone surrogate", "bot\ud800"],
  ])("refuses a name with %s", (_, name) => {
    expect(createPersonaSchema.safeParse({ name }).success).toBe(false);
  });

  it.each([
    ["a NUL", "a\u0000b"],
    ["a left-to-right embedding", "\u202Atext"],
    ["a lone surrogate", "\udc00"],
  ])("refuses a description with %s", (_, description) => {
    expect(createPersonaSchema.safeParse({ name: "bot", description }).success).toBe(false);
  });

  it("accepts a description on several lines with tabs", () => {
    const description = "first line\r\n\tsecond line";

    expect(createPersonaSchema.parse({ name: "bot", description }).description).toBe(description);
  });
});
