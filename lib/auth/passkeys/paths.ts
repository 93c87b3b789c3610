/** Where a session that has not proved its second factor is sent (the only staff page it may open). */
export const PASSKEY_PAGE = "/sign-in/passkey";
