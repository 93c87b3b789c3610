import postgres from "postgres";

/** A one-connection client for CREATE/DROP DATABASE, on the server's maintenance database. */
export function adminSql(url: string) {
  return postgres(databaseUrl(url, "postgres"), { max: 1, onnotice: () => {} });
}

export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
