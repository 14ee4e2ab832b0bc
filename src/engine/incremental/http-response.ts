/** The response shape an endpoint app function returns: status, JSON body, headers. */
export type HttpResponse = {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
};

export function jsonResponse(
  statusCode: number,
  payload: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  };
}
