// What a server action hands back to its form: a message for the whole form,
// messages per field, and the submitted text so nothing typed is lost.
export type FormState = {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
};

export const idle: FormState = { status: "idle" };
