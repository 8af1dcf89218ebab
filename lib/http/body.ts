import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors";

function mediaType(request: Request) {
  return (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

// JSON is UTF-8 (RFC 8259); a body declared as anything else would be decoded
// wrongly, so it is refused rather than guessed at.
function declaresOtherCharset(request: Request) {
  const parameters = (request.headers.get("content-type") ?? "").split(";").slice(1);
  const charset = parameters
    .map((parameter) => parameter.trim().toLowerCase())
    .find((parameter) => parameter.startsWith("charset="));
  if (!charset) {
    return false;
  }

  const name = charset.slice("charset=".length).replace(/^"(.*)"$/, "$1");

  return name !== "utf-8" && name !== "utf8";
}

// Reads the body but never more than MAX_BODY_BYTES of it, whatever the
// Content-Length claims (the front server already refuses declared oversize).
async function readCapped(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  const cap = env().MAX_BODY_BYTES;
  // The rest of an oversized body is never read, so the connection cannot be reused.
  const tooLarge = new AppError("payload_too_large", `Request body exceeds ${cap} bytes`, {
    Connection: "close",
  });
  if (Number(request.headers.get("content-length") ?? 0) > cap) {
    throw tooLarge;
  }

  if (!request.body) {
    return new Uint8Array();
  }

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }

    size += value.byteLength;
    if (size > cap) {
      await reader.cancel();
      throw tooLarge;
    }
    chunks.push(value);
  }

  return Buffer.concat(chunks);
}

export async function readJson(request: Request): Promise<unknown> {
  const type = mediaType(request);
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new AppError("unsupported_media_type", "Content-Type must be application/json");
  }

  if (declaresOtherCharset(request)) {
    throw new AppError("unsupported_media_type", "JSON bodies must be UTF-8");
  }

  const text = new TextDecoder().decode(await readCapped(request));
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON");
  }
}

// The OAuth2 password flow posts a form, URL-encoded or multipart.
export async function readForm(request: Request): Promise<Record<string, string>> {
  const type = mediaType(request);
  const bytes = await readCapped(request);
  if (type === "application/x-www-form-urlencoded") {
    return Object.fromEntries(new URLSearchParams(new TextDecoder().decode(bytes)));
  }

  if (type === "multipart/form-data") {
    const contentType = request.headers.get("content-type") ?? "";
    try {
      const body = new Response(bytes, { headers: { "content-type": contentType } });
      const form = await body.formData();
      const fields = [...form.entries()].filter(([, value]) => typeof value === "string");

      return Object.fromEntries(fields) as Record<string, string>;
    } catch {
      throw new AppError("bad_request", "Request body is not valid multipart/form-data");
    }
  }

  throw new AppError(
    "unsupported_media_type",
    "Content-Type must be application/x-www-form-urlencoded or multipart/form-data",
  );
}
