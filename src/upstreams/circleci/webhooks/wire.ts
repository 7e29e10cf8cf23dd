/** CircleCI webhook objects as sent: kebab-case keys. */
export interface WireWebhook {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly url?: unknown;
  readonly events?: unknown;
  readonly 'verify-tls'?: unknown;
  readonly 'signing-secret'?: unknown;
  readonly 'created-at'?: unknown;
  readonly 'updated-at'?: unknown;
  readonly scope?: unknown;
}
