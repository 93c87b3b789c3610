export function signInMail({ url, fund }: { url: string; fund: string }): {
  subject: string;
  text: string;
  html: string;
} {
  const subject = `Sign in to ${fund}`;
  const text = `Use this link to sign in to ${fund}. It works once and expires in 15 minutes.\n\n${url}\n\nIf you did not ask to sign in, ignore this message.`;
  const safe = url.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const html = `<p>Use this link to sign in to ${fund.replace(/</g, "&lt;")}. It works once and expires in 15 minutes.</p><p><a href="${safe}">Sign in</a></p><p>If you did not ask to sign in, ignore this message.</p>`;
  return { subject, text, html };
}
