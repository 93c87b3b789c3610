// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pino"],
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
