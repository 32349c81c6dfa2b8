export function chromiumPath(): string;
export function chromiumFound(): boolean;
