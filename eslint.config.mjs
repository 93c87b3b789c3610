import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      "db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The Stripe double is a development tool: product code may only name its types;
    // lib/payments/stripe-client.ts loads it by dynamic import when there are no Stripe keys.
    files: ["lib/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    ignores: ["lib/dev/**", "app/dev/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/stripe-double", "@/stripe-double/*", "**/stripe-double", "**/stripe-double/*"],
              allowTypeImports: true,
              message:
                "The Stripe double is a development tool: only lib/payments/stripe-client.ts loads it (dynamic import).",
            },
          ],
        },
      ],
    },
  },
];

export default config;
