/**
 * A POST to the hub as the apps make it: a JSON body (a string is sent as it is, for hostile bodies)
 * and the bearer token when one is given.
 */
export function postJson(url: string, path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A GET from the hub as the apps make it: the bearer token when one is given, nothing else. */
export function getWithToken(url: string, path: string, token?: string): Promise<Response> {
  return fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}
