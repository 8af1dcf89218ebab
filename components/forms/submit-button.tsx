"use client";

import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

type Props = React.ComponentProps<typeof Button>;

// A submit button that knows when its enclosing form's action is running.
export function SubmitButton(props: Props) {
  const { pending } = useFormStatus();

  return <Button type="submit" {...props} pending={pending || props.pending} />;
}
