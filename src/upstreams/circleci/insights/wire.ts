/**
 * CircleCI Insights responses as sent. Their many numeric fields are read
 * by name through the lenient decoders, so the shapes stay loose here.
 */
export type WireInsightsObject = Readonly<Record<string, unknown>>;

/** `{ items, next_page_token }` of metrics, runs and time series. */
export interface WireInsightsPage {
  readonly items?: readonly WireInsightsObject[] | null;
  readonly next_page_token?: string | null;
}
