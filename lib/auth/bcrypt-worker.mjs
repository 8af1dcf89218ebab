// Runs in a worker thread so that a ~250 ms bcrypt never blocks the event loop.
import bcrypt from "bcryptjs";

export default function run({ op, password, hash, rounds }) {
  if (op === "hash") {
    return bcrypt.hashSync(password, rounds);
  }

  return bcrypt.compareSync(password, hash);
}
