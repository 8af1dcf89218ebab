import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api";

// Unknown API paths answer JSON like the rest of the API, not the HTML 404 page.
const notFound = apiRoute("default", async () => {
  throw new AppError("not_found", "Not Found");
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH };
export { notFound as DELETE };
