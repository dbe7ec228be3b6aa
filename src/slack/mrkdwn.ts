/**
 * The escaping kit for Slack's mrkdwn: every text a person typed (a title, a comment, a
 * community) passes here before it goes into a message, so `<`, `>` and `&` show as typed and
 * never become a mention, a link or a broadcast. Views and services that compose mrkdwn both
 * use this one function (CSV cells are escaped by services/reports/csv.ts).
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
