/** CircleCI webhooks as resolvers receive them. The signing secret is kept only masked. */

/** A webhook; its secret only as a hint. */
export interface CircleCiWebhookModel {
  readonly __typename: 'CircleCIWebhook';
  readonly id: string;
  readonly name: string;
  readonly url: string;
  /** Event names as CircleCI spells them (`workflow-completed`). */
  readonly events: readonly string[];
  readonly verifyTls: boolean;
  /** The secret with all but its last 4 characters hidden; null when none is set. */
  readonly signingSecretHint: string | null;
  readonly scopeId: string;
  readonly scopeType: string;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
}
