import { describe, expect, it } from "vitest";
import { createAdminSchema } from "./schemas";

const admin = { username: "operator", password: "long-enough-pass" };

describe("createAdminSchema", () => {
  it.each([
    ["a NUL", "Ada\u0000Lovelace"],
    ["a bell", "Ada\u0007"],
    ["a right-to-left override", "Ada \u202ELovelace"],
    ["a pop directional isolate", "Ada\u2069"],
    ["a lone surrogate", "Ada \ud83d"],
  ])("refuses a full_name with %s", (_, full_name) => {
    const parsed = createAdminSchema.safeParse({ ...admin, full_name });

    expect(parsed.error?.issues[0].message).toContain("Must not contain control characters");
  });

  it("accepts a full_name in any script, emoji included", () => {
    const full_name = "Ada Lövelace 李 😀";

    expect(createAdminSchema.parse({ ...admin, full_name }).full_name).toBe(full_name);
  });
});
