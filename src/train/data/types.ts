/** One generated training or held-out example: the tokens a student would type, and the answer. */
export interface Example {
  readonly tokens: readonly string[];
  /** Index into the task's labels. */
  readonly label: number;
  /** Memory task only: how many filler tokens separate the country from "i speak fluent". */
  readonly gap?: number;
}
