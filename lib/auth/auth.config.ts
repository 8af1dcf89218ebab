import type { NextAuthConfig } from "next-auth";

// The part of the Auth.js config that needs neither Node nor the database, so
// a proxy or any edge code could import it alone. The provider, the secret and
// the logger are added in auth.ts.
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt" },
  trustHost: true,
  providers: [],
  callbacks: {
    // The token names the admin and the session version it was issued at;
    // each console request compares that version with the database.
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.ver = user.ver;
      }

      return token;
    },
    session({ session, token }) {
      const ver = typeof token.ver === "number" ? token.ver : undefined;

      return { expires: session.expires, user: { name: token.sub ?? null }, ver };
    },
  },
} satisfies NextAuthConfig;
