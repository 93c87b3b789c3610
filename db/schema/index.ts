export * from "./campaigns";
export * from "./bonds";
export * from "./donations";
export * from "./ledger";
export * from "./stripe";
export * from "./platform";
export * from "./auth";
