import { z } from "zod";
import { plainText } from "@/lib/plain-text";

// Reddit's rule for community names: 3-21 letters, digits or underscores.
export const subredditSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_]{2,20}$/, "Not a valid subreddit name");

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Expected a time as HH:MM");

function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });

    return value.includes("/") || value === "UTC";
  } catch {
    return false;
  }
}

export const activeHoursSchema = z
  .object({
    start: clockTime,
    end: clockTime,
    timezone: z.string().refine(isTimeZone, "Not an IANA time zone"),
  })
  .strict()
  // A window may cross midnight (22:00-06:00); one of zero length means nothing.
  .refine((hours) => hours.start !== hours.end, {
    message: "End time must differ from the start time",
    path: ["end"],
  });

// Every setting a persona may have, each with its own type and bounds. The API
// and the console form both validate against these.
export const settingSchemas = {
  target_subreddits: z
    .array(subredditSchema)
    .max(50, "At most 50 subreddits")
    .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, {
      message: "Subreddits must not repeat",
    }),
  auto_posting_enabled: z.boolean(),
  require_approval: z.boolean(),
  max_posts_per_day: z.int().min(0).max(100),
  max_comments_per_day: z.int().min(0).max(500),
  posting_interval_minutes: z.int().min(5).max(1440),
  active_hours: activeHoursSchema,
  llm_model: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z0-9][a-z0-9._-]*\/[A-Za-z0-9._:-]+$/, "Expected a model id like provider/model"),
  llm_temperature: z.number().min(0).max(2),
  persona_tone: plainText(500).min(1),
  blocked_keywords: z
    .array(plainText(50).min(1))
    .max(200, "At most 200 keywords")
    .refine((words) => new Set(words.map((w) => w.toLowerCase())).size === words.length, {
      message: "Keywords must not repeat",
    }),
  daily_llm_budget_usd: z.number().min(0).max(1000),
};

export type SettingKey = keyof typeof settingSchemas;

export const settingKeys = Object.keys(settingSchemas) as SettingKey[];

export const personaConfigSchema = z.object(settingSchemas).partial().strict();

export type PersonaConfig = z.infer<typeof personaConfigSchema>;

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingSchemas, key);
}

// Ids are stored lowercase; a client may write one in capitals.
export const personaIdSchema = z
  .uuid("persona_id must be a UUID")
  .transform((id) => id.toLowerCase());

// A missing field and a field of the wrong type are told apart.
const requiredString = (name: string) =>
  z.string({
    error: (issue) =>
      issue.input === undefined ? `${name} is required` : `${name} must be a string`,
  });

export const settingUpdateSchema = z.object({
  persona_id: requiredString("persona_id"),
  key: requiredString("key"),
  value: z.unknown(),
});

export const createPersonaSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name is required")
    .max(64, "Name must be at most 64 characters")
    .regex(/^[A-Za-z0-9_.-]+$/, "Name may use letters, digits, '.', '_' and '-'"),
  description: plainText(500).optional(),
});

export type CreatePersonaInput = z.infer<typeof createPersonaSchema>;
