/** The self-service link mail, English and Spanish. Pure. */

export function donorLinkMail(
  locale: "en" | "es",
  url: string,
  minutes: number,
  fund: string,
): { subject: string; text: string } {
  if (locale === "es")
    return {
      subject: `Sus donaciones a ${fund}`,
      text: [
        "Abra este enlace para ver sus donaciones, recibos y resúmenes anuales, y para cambiar sus donaciones mensuales:",
        "",
        url,
        "",
        `El enlace sirve una sola vez, durante ${minutes} minutos. Si usted no lo pidió, ignore este correo.`,
      ].join("\n"),
    };
  return {
    subject: `Your gifts to ${fund}`,
    text: [
      "Open this link to see your gifts, receipts and year-end statements, and to change your monthly gifts:",
      "",
      url,
      "",
      `The link works once, for ${minutes} minutes. If you did not ask for it, you can ignore this email.`,
    ].join("\n"),
  };
}
