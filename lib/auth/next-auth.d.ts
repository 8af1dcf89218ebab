import "next-auth";

declare module "next-auth" {
  interface User {
    ver?: number;
  }

  interface Session {
    ver?: number;
  }
}
