import { z } from "zod";

// C0 controls except tab and line breaks (a textarea posts CRLF), and the bidi
// embedding, override and isolate marks that make text read unlike its bytes.
const unsafe = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202A-\u202E\u2066-\u2069]/;

export const PLAIN_TEXT_MESSAGE =
  "Must not contain control characters, bidi overrides or unpaired surrogates";

export function isPlainText(value: string) {
  return value.isWellFormed() && !unsafe.test(value);
}

// Free text a person typed, trimmed, within `max` characters.
export function plainText(max: number) {
  return z.string().trim().max(max).refine(isPlainText, PLAIN_TEXT_MESSAGE);
}
