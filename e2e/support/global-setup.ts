import { ensureBuild } from "../../scripts/build";

// Every server test runs against a production build, made once here when the
// sources are newer than the last one.
export default function setup() {
  ensureBuild();
}
