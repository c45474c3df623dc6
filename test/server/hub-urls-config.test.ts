import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config.ts';
import { parseHubUrls } from '../../server/hub-urls.ts';

describe('GATECARE_HUB_URLS is read strictly', () => {
  it('takes bare http(s) addresses as origins and refuses anything else, naming the entry', () => {
    expect(parseHubUrls(' http://10.0.0.5:8081 ,https://care.example/')).toEqual(['http://10.0.0.5:8081', 'https://care.example']);
    expect(configFromEnv({ GATECARE_HUB_URLS: 'http://a:1,http://b:2' }).hubUrls).toEqual(['http://a:1', 'http://b:2']);
    expect(configFromEnv({}).hubUrls).toBeUndefined();
    expect(() => parseHubUrls('http://a:1,node-b:8082')).toThrow(/"node-b:8082" must start with http/);
    expect(() => parseHubUrls('ftp://a')).toThrow(/"ftp:\/\/a" must start with http/);
    expect(() => parseHubUrls('http://a:1/staff/')).toThrow(/without a path/);
    expect(() => parseHubUrls('not an address')).toThrow(/"not an address" is not an address/);
  });
});
