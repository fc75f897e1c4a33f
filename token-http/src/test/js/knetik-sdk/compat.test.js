'use strict';

/*
 * Compatibility test: drives a running token server with the published JavaScript SDK of the Knetik API
 * (@knetik/knetikcloud-sdk, pinned in package-lock.json) through every seed call, and checks the VALUES of the
 * model objects the SDK builds. The SDK copies only the snake_case keys it knows into its models and silently drops
 * the rest, so a status code alone proves nothing: every expected key must be present with the right type and value.
 *
 * Expects the server started by run.sh: a fresh store holding only the bootstrap clients and users named by the
 * environment variables below. Tests run in file order and share state (the tokens issued early are listed,
 * fetched and deleted later).
 */

const { after, test } = require('node:test');
const fs = require('node:fs');
const assert = require('node:assert/strict');
const KnetikCloud = require('@knetik/knetikcloud-sdk');

const {
    ApiClient,
    Access_TokenApi: AccessTokenApi,
    AuthTokensApi,
    OAuth2Resource,
    OauthAccessTokenResource,
    PageResourceOauthAccessTokenResource,
    Order,
} = KnetikCloud;

function required(name) {
    const value = process.env[name];
    if (value === undefined || value === '') {
        throw new Error(`environment variable ${name} is required (run.sh sets it)`);
    }
    return value;
}

/** A client's allowed scopes, space-separated as in the bootstrap file. */
function scopes(name) {
    return required(name).split(' ').filter((s) => s.length > 0);
}

const config = Object.freeze({
    baseUrl: required('TOKEN_SERVER_URL').replace(/\/+$/, ''),
    accessTtl: Number(required('ACCESS_TTL_SECONDS')),
    admin: { id: required('ADMIN_CLIENT_ID'), secret: required('ADMIN_CLIENT_SECRET'), scopes: scopes('ADMIN_SCOPES') },
    web: { id: required('WEB_CLIENT_ID'), secret: required('WEB_CLIENT_SECRET'), scopes: scopes('WEB_SCOPES') },
    mobile: { id: required('PUBLIC_CLIENT_ID'), scopes: scopes('PUBLIC_SCOPES') },
    jane: { username: required('USER_NAME'), password: required('USER_PASSWORD') },
    john: { username: required('SECOND_USER_NAME'), password: required('SECOND_USER_PASSWORD') },
});

/** Tokens issued along the way, shared by the tests below. */
const issued = {
    admin: null,
    janeFirst: null,
    janeRefreshed: null,
    johnMobile: null,
    johnWeb: [],
};

/** Every token value the server handed out, for run.sh to look for in the server log (it must find none). */
const issuedValues = [];
after(() => {
    if (process.env.ISSUED_TOKENS_FILE) {
        fs.writeFileSync(process.env.ISSUED_TOKENS_FILE, issuedValues.map((v) => `${v}\n`).join(''), { mode: 0o600 });
    }
});

const TOKEN_VALUE = /^[A-Za-z0-9_-]{43}$/;
const JOHN_WEB_TOKENS = 7;

// The SDK's default client, configured the way its documentation shows.
const defaultClient = ApiClient.instance;
defaultClient.basePath = config.baseUrl;
const tokenApi = new AccessTokenApi();
const adminApi = new AuthTokensApi();

/** A separate SDK client, for calls made without the admin token or with another one. */
function clientWith(accessToken, options = {}) {
    const client = new ApiClient();
    client.basePath = config.baseUrl;
    if (accessToken !== undefined) {
        client.authentications.oauth2_client_credentials_grant.accessToken = accessToken;
    }
    Object.assign(client, options);
    return { tokens: new AccessTokenApi(client), admin: new AuthTokensApi(client) };
}

function sleep(millis) {
    return new Promise((resolve) => setTimeout(resolve, millis));
}

async function rejectionOf(promise) {
    try {
        await promise;
    } catch (err) {
        return err;
    }
    return assert.fail('the call was expected to fail but succeeded');
}

/** Awaits a failing SDK call and checks the HTTP status and, when given, the OAuth error code of the JSON body. */
async function expectError(promise, status, errorCodes) {
    const err = await rejectionOf(promise);
    assert.ok(err.response, `expected an HTTP error response, got ${err}`);
    assert.ok([].concat(status).includes(err.status),
        `status ${err.status}, expected ${status}; body: ${err.response.text}`);
    if (err.response.text) {
        assertJsonContentType(err.response);
    }
    assert.doesNotMatch(err.response.text, /Exception|\bat [a-z]+\.[a-z]+\.|SELECT |\.java\b/,
        'an error body must not leak a stack trace, SQL or a class name');
    if (errorCodes !== undefined) {
        const codes = [].concat(errorCodes);
        assert.ok(codes.includes(err.response.body.error),
            `error ${JSON.stringify(err.response.body.error)} is not one of ${codes}`);
        if (err.response.body.error_description !== undefined) {
            assert.equal(typeof err.response.body.error_description, 'string');
        }
    }
    return err;
}

function assertJsonContentType(response) {
    assert.match(String(response.headers['content-type']), /^application\/json\b/i, 'Content-Type');
}

function assertNoStore(response) {
    assert.match(String(response.headers['cache-control']), /\bno-store\b/, 'Cache-Control: no-store');
    assert.match(String(response.headers.pragma), /\bno-cache\b/, 'Pragma: no-cache');
}

function hasOwn(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
}

function scopeSet(scope) {
    return scope.split(' ');
}

/**
 * Checks a token endpoint answer as the SDK hands it over: the OAuth2Resource model (whose expires_in the SDK
 * declares as a String, so it arrives as a string of digits) and the raw JSON behind it.
 */
function checkTokenResponse(info, { allowedScopes, refresh }) {
    const { data: token, response } = info;
    assert.equal(response.status, 200);
    assertJsonContentType(response);
    assertNoStore(response);
    assert.ok(token instanceof OAuth2Resource, 'the SDK built an OAuth2Resource');

    assert.ok(hasOwn(token, 'access_token'), 'access_token is present');
    assert.match(token.access_token, TOKEN_VALUE, 'access_token is 32 random bytes in base64url');
    assert.equal(token.token_type, 'bearer');
    assert.ok(hasOwn(token, 'expires_in'), 'expires_in is present');
    assert.match(token.expires_in, /^[1-9][0-9]*$/, 'expires_in (the SDK turns it into a string) is a whole number');
    assert.equal(Number(token.expires_in), config.accessTtl, 'expires_in is the configured access lifetime');
    assert.equal(typeof token.scope, 'string', 'scope is present');
    const scopes = scopeSet(token.scope);
    assert.ok(scopes.length > 0 && scopes.every((s) => allowedScopes.includes(s)),
        `scope "${token.scope}" is made of the client's scopes ${allowedScopes}`);

    const raw = response.body;
    assert.ok(Number.isInteger(raw.expires_in), 'on the wire, expires_in is a JSON integer');
    assert.equal(raw.token_type, 'bearer');
    issuedValues.push(token.access_token);
    if (typeof token.refresh_token === 'string') {
        issuedValues.push(token.refresh_token);
    }
    if (refresh) {
        assert.match(token.refresh_token, TOKEN_VALUE, 'refresh_token is present');
        assert.notEqual(token.refresh_token, token.access_token);
    } else {
        assert.equal(token.refresh_token ?? null, null, 'no refresh_token is issued');
    }
    return token;
}

/** The list as the SDK delivers it, with the raw JSON for type checks the SDK's lenient conversions would hide. */
async function list(opts, api = adminApi) {
    const info = await api.getTokensWithHttpInfo(opts);
    assert.equal(info.response.status, 200);
    assertJsonContentType(info.response);
    return { page: info.data, raw: info.response.body };
}

const PAGE_KEYS = ['content', 'first', 'last', 'number', 'number_of_elements', 'size', 'sort', 'total_elements',
    'total_pages'];

/**
 * Checks every field of a PageResourceOauthAccessTokenResource against the expected paging numbers, the item
 * models, and the JSON types on the wire (the SDK maps "false" to true and "3" to 3, so the model alone is blind).
 */
function checkPage({ page, raw }, { number, size, totalElements }) {
    assert.ok(page instanceof PageResourceOauthAccessTokenResource, 'the SDK built a page model');
    for (const key of PAGE_KEYS) {
        assert.ok(hasOwn(page, key), `page field ${key} is present`);
    }
    const totalPages = Math.ceil(totalElements / size);
    const expectedCount = Math.max(0, Math.min(size, totalElements - (number - 1) * size));
    assert.equal(page.number, number, 'number is the 1-based page served');
    assert.equal(page.size, size, 'size');
    assert.equal(page.total_elements, totalElements, 'total_elements');
    assert.equal(page.total_pages, totalPages, 'total_pages');
    assert.equal(page.number_of_elements, expectedCount, 'number_of_elements');
    assert.equal(page.first, number === 1, 'first');
    assert.equal(page.last, number >= totalPages, 'last');
    assert.ok(Array.isArray(page.content), 'content is a list');
    assert.equal(page.content.length, expectedCount, 'content length');
    for (const item of page.content) {
        checkListItem(item);
    }
    assert.ok(Array.isArray(page.sort), 'sort is a list');
    page.sort.forEach(checkOrder);

    for (const key of ['first', 'last']) {
        assert.equal(typeof raw[key], 'boolean', `on the wire, ${key} is a JSON boolean`);
    }
    for (const key of ['number', 'number_of_elements', 'size', 'total_elements', 'total_pages']) {
        assert.ok(Number.isInteger(raw[key]), `on the wire, ${key} is a JSON integer`);
    }
    assert.ok(Array.isArray(raw.sort), 'on the wire, sort is a JSON array');
    for (const item of raw.content) {
        assert.ok(item.token === null, 'on the wire, a listed token has "token": null');
    }
    return page;
}

/** An issued_at as the server writes it (epoch seconds, or an ISO-8601 string), in milliseconds. */
function instant(value) {
    return typeof value === 'number' ? value * 1000 : Date.parse(value);
}

function checkListItem(item) {
    assert.ok(item instanceof OauthAccessTokenResource, 'the SDK built an OauthAccessTokenResource');
    assert.ok(hasOwn(item, 'client_id') && typeof item.client_id === 'string' && item.client_id.length > 0,
        'client_id is filled');
    assert.ok(hasOwn(item, 'username'), 'username is present');
    assert.ok(item.username === null || (typeof item.username === 'string' && item.username.length > 0),
        'username is a name or null');
    assert.ok(hasOwn(item, 'token'), 'token is present');
    assert.equal(item.token, null, 'the list never shows a token value');
}

function checkOrder(order) {
    assert.ok(order instanceof Order, 'the SDK built an Order');
    for (const key of ['property', 'direction', 'ascending', 'descending', 'ignore_case', 'null_handling']) {
        assert.ok(hasOwn(order, key), `order field ${key} is present`);
    }
    assert.equal(typeof order.property, 'string');
    assert.ok(Object.values(Order.DirectionEnum).includes(order.direction), `direction ${order.direction}`);
    assert.equal(order.ascending, order.direction === 'ASC', 'ascending agrees with direction');
    assert.equal(order.descending, order.direction === 'DESC', 'descending agrees with direction');
    assert.equal(typeof order.ignore_case, 'boolean');
    assert.ok(Object.values(Order.NullHandlingEnum).includes(order.null_handling),
        `null_handling ${order.null_handling}`);
}

async function total(opts) {
    const { page } = await list({ ...opts, size: 1 });
    assert.ok(Number.isInteger(page.total_elements));
    return page.total_elements;
}

async function passwordGrant(client, user, api = tokenApi) {
    const opts = { username: user.username, password: user.password };
    if (client.secret !== undefined) {
        opts.clientSecret = client.secret;
    }
    return api.getOAuthTokenWithHttpInfo('password', client.id, opts);
}

/**
 * A test of the sequence. The steps share state, so once one fails the later ones are skipped rather than
 * reported as failures of their own.
 */
let firstFailure = null;
function step(name, fn) {
    test(name, async (t) => {
        if (firstFailure !== null) {
            t.skip(`skipped: "${firstFailure}" failed`);
            return;
        }
        try {
            await fn(t);
        } catch (err) {
            firstFailure = name;
            throw err;
        }
    });
}

// ---------------------------------------------------------------------------------------------------------------
// POST /oauth/token

step('client_credentials grant returns a filled OAuth2Resource and the token opens the admin API', async () => {
    const info = await tokenApi.getOAuthTokenWithHttpInfo('client_credentials', config.admin.id,
        { clientSecret: config.admin.secret });
    issued.admin = checkTokenResponse(info, { allowedScopes: config.admin.scopes, refresh: false });
    defaultClient.authentications.oauth2_client_credentials_grant.accessToken = issued.admin.access_token;

    // Start from a clean slate for the clients this test owns; the admin client's own tokens stay.
    for (const clientId of [config.web.id, config.mobile.id]) {
        const deleted = await adminApi.deleteTokensWithHttpInfo({ clientId });
        assert.equal(deleted.response.status, 204);
        assert.equal(await total({ filterClientId: clientId }), 0);
    }
});

step('password grant of a confidential client (password with spaces and +) returns a refresh token', async () => {
    issued.janeFirst = checkTokenResponse(await passwordGrant(config.web, config.jane),
        { allowedScopes: config.web.scopes, refresh: true });
});

step('refresh_token grant through the SDK rotates both tokens and keeps the scope', async () => {
    // Issued in a later second than the first pair, so "the pair's most recent token" is unambiguous below
    // even when the store keeps issue times to the second.
    await sleep(1100);
    const info = await tokenApi.getOAuthTokenWithHttpInfo('refresh_token', config.web.id,
        { clientSecret: config.web.secret, refreshToken: issued.janeFirst.refresh_token });
    const refreshed = checkTokenResponse(info, { allowedScopes: config.web.scopes, refresh: true });
    assert.notEqual(refreshed.access_token, issued.janeFirst.access_token, 'a new access token');
    assert.notEqual(refreshed.refresh_token, issued.janeFirst.refresh_token, 'a new refresh token (rotation)');
    assert.equal(refreshed.scope, issued.janeFirst.scope, 'the refreshed scope is the original scope');
    issued.janeRefreshed = refreshed;
});

step('password grant of a public client sends only client_id and returns no refresh token', async () => {
    issued.johnMobile = checkTokenResponse(await passwordGrant(config.mobile, config.john),
        { allowedScopes: config.mobile.scopes, refresh: false });
});

step('token endpoint errors reach the SDK as 400/401 with an OAuth error body', async () => {
    const wrongPassword = expectError(
        passwordGrant(config.web, { username: config.jane.username, password: `${config.jane.password}x` }),
        400, 'invalid_grant');
    assertNoStore((await wrongPassword).response);
    const unknownUser = await expectError(
        passwordGrant(config.web, { username: 'nobody@example.com', password: config.jane.password }),
        400, 'invalid_grant');
    assertNoStore(unknownUser.response);
    const wrongSecret = await expectError(
        tokenApi.getOAuthToken('client_credentials', config.admin.id, { clientSecret: `${config.admin.secret}x` }),
        401, 'invalid_client');
    assertNoStore(wrongSecret.response);
    await expectError(
        tokenApi.getOAuthToken('client_credentials', 'no-such-client', { clientSecret: config.admin.secret }),
        401, 'invalid_client');
    await expectError(
        tokenApi.getOAuthToken('no_such_grant', config.web.id, { clientSecret: config.web.secret }),
        400, 'unsupported_grant_type');
    // A public client may not use client_credentials: either answer is a correct reading of RFC 6749.
    const publicClient = await expectError(tokenApi.getOAuthToken('client_credentials', config.mobile.id),
        [400, 401], ['unauthorized_client', 'invalid_client']);
    assert.equal(publicClient.response.body.error,
        publicClient.status === 401 ? 'invalid_client' : 'unauthorized_client');
    await expectError(
        tokenApi.getOAuthToken('refresh_token', config.web.id,
            { clientSecret: config.web.secret, refreshToken: 'A'.repeat(43) }),
        400, 'invalid_grant');
});

step('issue the tokens listed below', async () => {
    for (let i = 0; i < JOHN_WEB_TOKENS; i++) {
        const token = checkTokenResponse(await passwordGrant(config.web, config.john),
            { allowedScopes: config.web.scopes, refresh: true });
        issued.johnWeb.push(token.access_token);
    }
    assert.equal(new Set(issued.johnWeb).size, JOHN_WEB_TOKENS, 'every grant issues a distinct token');
});

// ---------------------------------------------------------------------------------------------------------------
// GET /auth/tokens

step('list with no filter: defaults, and the total is the sum over the clients', async () => {
    const result = await list({});
    const adminTotal = await total({ filterClientId: config.admin.id });
    const webTotal = await total({ filterClientId: config.web.id });
    const mobileTotal = await total({ filterClientId: config.mobile.id });
    assert.ok(adminTotal >= 1, 'the admin token is listed');
    const all = adminTotal + webTotal + mobileTotal;
    checkPage(result, { number: 1, size: 25, totalElements: all });

    const clients = new Set(result.page.content.map((item) => item.client_id));
    for (const clientId of clients) {
        assert.ok([config.admin.id, config.web.id, config.mobile.id].includes(clientId), `client ${clientId}`);
    }
    for (const item of result.page.content.filter((i) => i.client_id === config.admin.id)) {
        assert.equal(item.username, null, 'a client_credentials token has username null');
    }

    // A browser-style SDK client adds a cache-busting "_" query parameter to every GET; it is ignored.
    const cacheBusting = clientWith(issued.admin.access_token, { cache: false });
    checkPage(await list({ size: 5 }, cacheBusting.admin), { number: 1, size: 5, totalElements: all });
});

step('list filtered by client id, by username, and by both', async () => {
    const mobile = await list({ filterClientId: config.mobile.id });
    checkPage(mobile, { number: 1, size: 25, totalElements: 1 });
    assert.equal(mobile.page.content[0].client_id, config.mobile.id);
    assert.equal(mobile.page.content[0].username, config.john.username);

    const john = await list({ filterUsername: config.john.username });
    checkPage(john, { number: 1, size: 25, totalElements: JOHN_WEB_TOKENS + 1 });
    for (const item of john.page.content) {
        assert.equal(item.username, config.john.username, 'username filter is an exact match');
    }

    const johnWeb = await list({ filterUsername: config.john.username, filterClientId: config.web.id });
    checkPage(johnWeb, { number: 1, size: 25, totalElements: JOHN_WEB_TOKENS });
    for (const item of johnWeb.page.content) {
        assert.equal(item.client_id, config.web.id);
        assert.equal(item.username, config.john.username);
    }

    const jane = await list({ filterUsername: config.jane.username });
    const janeTotal = jane.page.total_elements;
    assert.ok(janeTotal === 1 || janeTotal === 2, 'the refreshed pair is live, the first may be too');
    checkPage(jane, { number: 1, size: 25, totalElements: janeTotal });
    assert.ok(jane.page.content.every((i) => i.client_id === config.web.id && i.username === config.jane.username));

    const web = await list({ filterClientId: config.web.id });
    checkPage(web, { number: 1, size: 25, totalElements: JOHN_WEB_TOKENS + janeTotal });

    const nobody = await list({ filterUsername: 'nobody@example.com' });
    checkPage(nobody, { number: 1, size: 25, totalElements: 0 });
    const prefix = await list({ filterUsername: config.john.username.slice(0, 4) });
    checkPage(prefix, { number: 1, size: 25, totalElements: 0 });
});

step('list paging: first, middle, last, past the end, one page holding all', async () => {
    // john holds 1 mobile token and 7 web tokens; ordered by client id the mobile one comes first.
    const totalElements = JOHN_WEB_TOKENS + 1;
    const base = { filterUsername: config.john.username, order: 'client_id:ASC', size: 3 };
    const expectedClients = [
        [config.mobile.id, config.web.id, config.web.id],
        [config.web.id, config.web.id, config.web.id],
        [config.web.id, config.web.id],
        [],
    ];
    const tokenIds = [];
    for (let number = 1; number <= 4; number++) {
        const result = await list({ ...base, page: number });
        checkPage(result, { number, size: 3, totalElements });
        assert.deepEqual(result.page.content.map((i) => i.client_id), expectedClients[number - 1],
            `client ids of page ${number}`);
        assert.equal(result.page.sort.length >= 1, true);
        assert.equal(result.page.sort[0].property, 'client_id');
        assert.equal(result.page.sort[0].direction, 'ASC');
        for (const item of result.raw.content) {
            if (item.token_id !== undefined) {
                tokenIds.push(item.token_id);
            }
        }
    }
    if (tokenIds.length > 0) {
        assert.equal(tokenIds.length, totalElements, 'every listed item carries a token_id');
        assert.equal(new Set(tokenIds).size, totalElements, 'pages neither overlap nor skip');
    }

    const single = await list({ filterUsername: config.john.username, size: totalElements, page: 1 });
    checkPage(single, { number: 1, size: totalElements, totalElements });
    assert.equal(single.page.first && single.page.last, true);

    checkPage(await list({ filterUsername: config.john.username, size: 1000 }),
        { number: 1, size: 1000, totalElements });
});

step('list rejects bad paging and ordering with 400 invalid_request', async () => {
    const cases = [
        { size: 0 }, { size: 1001 }, { size: -1 }, { page: 0 }, { page: -2 },
        { order: 'password:ASC' }, { order: 'client_id:SIDEWAYS' }, { order: 'client_id:ASC;drop table' },
        { order: 'client_id:ASC,client_id:DESC' },
    ];
    for (const opts of cases) {
        await expectError(adminApi.getTokens(opts), 400, 'invalid_request');
    }
});

step('list ordered by several properties: client_id:ASC,issued_at:DESC and client_id:DESC,username:ASC', async () => {
    const byClientThenNewest = await list({ order: 'client_id:ASC,issued_at:DESC', size: 1000 });
    const all = byClientThenNewest.page.total_elements;
    checkPage(byClientThenNewest, { number: 1, size: 1000, totalElements: all });
    const sort = byClientThenNewest.page.sort;
    assert.ok(sort.length >= 2, 'sort lists the requested orders');
    assert.deepEqual([sort[0].property, sort[0].direction, sort[0].ascending], ['client_id', 'ASC', true]);
    assert.deepEqual([sort[1].property, sort[1].direction, sort[1].descending], ['issued_at', 'DESC', true]);
    const clientIds = byClientThenNewest.page.content.map((i) => i.client_id);
    assert.deepEqual(clientIds, [...clientIds].sort(), 'client ids ascend');
    const rawItems = byClientThenNewest.raw.content;
    if (rawItems.length > 0 && rawItems[0].issued_at !== undefined) {
        for (let i = 1; i < rawItems.length; i++) {
            if (rawItems[i].client_id === rawItems[i - 1].client_id) {
                assert.ok(instant(rawItems[i].issued_at) <= instant(rawItems[i - 1].issued_at),
                    `within ${rawItems[i].client_id}, newest first`);
            }
        }
    }

    const byClientDescThenUser = await list({ order: 'client_id:DESC,username:ASC', size: 1000 });
    checkPage(byClientDescThenUser, { number: 1, size: 1000, totalElements: all });
    const sort2 = byClientDescThenUser.page.sort;
    assert.deepEqual([sort2[0].property, sort2[0].direction], ['client_id', 'DESC']);
    assert.deepEqual([sort2[1].property, sort2[1].direction], ['username', 'ASC']);
    const items = byClientDescThenUser.page.content;
    assert.deepEqual(items.map((i) => i.client_id), [...clientIds].sort().reverse(), 'client ids descend');
    for (let i = 1; i < items.length; i++) {
        const [a, b] = [items[i - 1], items[i]];
        if (a.client_id === b.client_id && a.username !== null && b.username !== null) {
            assert.ok(a.username <= b.username, `usernames ascend within ${a.client_id}`);
        }
    }
    const webUsers = items.filter((i) => i.client_id === config.web.id).map((i) => i.username);
    const janeCount = webUsers.filter((u) => u === config.jane.username).length;
    assert.deepEqual(webUsers, [
        ...Array(janeCount).fill(config.jane.username), ...Array(JOHN_WEB_TOKENS).fill(config.john.username)],
    'within web.app, jane.doe@... sorts before john smith...');
});

// ---------------------------------------------------------------------------------------------------------------
// GET /auth/tokens/{username}/{client_id}

step('get one by username and client id returns the pair\'s newest live token with its value', async () => {
    const janeInfo = await adminApi.getTokenWithHttpInfo(config.jane.username, config.web.id);
    assert.equal(janeInfo.response.status, 200);
    assertJsonContentType(janeInfo.response);
    const jane = janeInfo.data;
    assert.ok(jane instanceof OauthAccessTokenResource);
    assert.equal(jane.client_id, config.web.id);
    assert.equal(jane.username, config.jane.username, 'a username with @ and . round-trips');
    assert.equal(jane.token, issued.janeRefreshed.access_token, 'the newest access token, unsealed');

    // john's username holds a space, + and /: the SDK sends them as %20, %2B and %2F.
    const john = await adminApi.getToken(config.john.username, config.mobile.id);
    assert.equal(john.client_id, config.mobile.id);
    assert.equal(john.username, config.john.username);
    assert.equal(john.token, issued.johnMobile.access_token);

    const johnWeb = await adminApi.getToken(config.john.username, config.web.id);
    assert.ok(issued.johnWeb.includes(johnWeb.token), 'one of john\'s web tokens');

    await expectError(adminApi.getToken(config.jane.username, config.mobile.id), 404);
    await expectError(adminApi.getToken('nobody@example.com', config.web.id), 404);
    await expectError(adminApi.getToken(config.jane.username, 'no-such-client'), 404);
});

step('the admin API answers 401 without a valid bearer token and 403 without TOKENS_ADMIN', async () => {
    const anonymous = await expectError(clientWith(undefined).admin.getTokens({}), 401);
    assert.match(String(anonymous.response.headers['www-authenticate']), /^Bearer\b/, 'WWW-Authenticate: Bearer');
    const forged = await expectError(clientWith('A'.repeat(43)).admin.getTokens({}), 401);
    assert.match(String(forged.response.headers['www-authenticate']), /^Bearer\b/);
    const user = clientWith(issued.janeRefreshed.access_token).admin;
    await expectError(user.getTokens({}), 403, 'insufficient_scope');
    await expectError(user.getToken(config.jane.username, config.web.id), 403, 'insufficient_scope');
    await expectError(user.deleteTokens({ username: config.jane.username }), 403, 'insufficient_scope');
});

step('reusing a rotated refresh token revokes its family, and the list shows it', async () => {
    const before = await total({ filterUsername: config.jane.username });
    const first = checkTokenResponse(await passwordGrant(config.web, config.jane),
        { allowedScopes: config.web.scopes, refresh: true });
    const second = checkTokenResponse(await tokenApi.getOAuthTokenWithHttpInfo('refresh_token', config.web.id,
        { clientSecret: config.web.secret, refreshToken: first.refresh_token }),
    { allowedScopes: config.web.scopes, refresh: true });
    assert.equal(await total({ filterUsername: config.jane.username }), before + 2);

    const reuse = await expectError(tokenApi.getOAuthToken('refresh_token', config.web.id,
        { clientSecret: config.web.secret, refreshToken: first.refresh_token }), 400, 'invalid_grant');
    assert.equal(reuse.response.body.error_description,
        'refresh token was already used; its family has been revoked, sign in again',
        'reuse is told that the family was revoked, not that it lost a race');
    await expectError(tokenApi.getOAuthToken('refresh_token', config.web.id,
        { clientSecret: config.web.secret, refreshToken: second.refresh_token }), 400, 'invalid_grant');
    assert.equal(await total({ filterUsername: config.jane.username }), before,
        'the family\'s access tokens are revoked');
    const jane = await adminApi.getToken(config.jane.username, config.web.id);
    assert.equal(jane.token, issued.janeRefreshed.access_token, 'the older live family is untouched');
});

// ---------------------------------------------------------------------------------------------------------------
// DELETE /auth/tokens

step('delete by username revokes every token of the user, on every client', async () => {
    const adminBefore = await total({ filterClientId: config.admin.id });
    const johnBefore = await total({ filterUsername: config.john.username });
    const deleted = await adminApi.deleteTokensWithHttpInfo({ username: config.jane.username });
    assert.equal(deleted.response.status, 204);
    assert.equal(deleted.data, null);

    checkPage(await list({ filterUsername: config.jane.username }), { number: 1, size: 25, totalElements: 0 });
    await expectError(adminApi.getToken(config.jane.username, config.web.id), 404);
    await expectError(tokenApi.getOAuthToken('refresh_token', config.web.id,
        { clientSecret: config.web.secret, refreshToken: issued.janeRefreshed.refresh_token }), 400, 'invalid_grant');
    assert.equal(await total({ filterUsername: config.john.username }), johnBefore, 'other users untouched');
    assert.equal(await total({ filterClientId: config.admin.id }), adminBefore, 'client tokens untouched');
});

step('delete by username and client id revokes only that pair', async () => {
    const deleted = await adminApi.deleteTokensWithHttpInfo(
        { username: config.john.username, clientId: config.mobile.id });
    assert.equal(deleted.response.status, 204);
    assert.equal(await total({ filterClientId: config.mobile.id }), 0);
    await expectError(adminApi.getToken(config.john.username, config.mobile.id), 404);
    assert.equal(await total({ filterUsername: config.john.username, filterClientId: config.web.id }),
        JOHN_WEB_TOKENS, 'john\'s tokens on the other client stay');
});

step('delete by client id revokes every token of the client', async () => {
    const adminBefore = await total({ filterClientId: config.admin.id });
    const deleted = await adminApi.deleteTokensWithHttpInfo({ clientId: config.web.id });
    assert.equal(deleted.response.status, 204);
    checkPage(await list({ filterClientId: config.web.id }), { number: 1, size: 25, totalElements: 0 });
    assert.equal(await total({ filterUsername: config.john.username }), 0);
    await expectError(adminApi.getToken(config.john.username, config.web.id), 404);
    assert.equal(await total({}), adminBefore, 'only the admin client\'s tokens are left');
});

step('delete with neither username nor client id is 400, never "delete everything"', async () => {
    const before = await total({});
    await expectError(adminApi.deleteTokens({}), 400, 'invalid_request');
    assert.equal(await total({}), before);
});

step('deleting the admin client\'s own tokens takes effect at once', async () => {
    const deleted = await adminApi.deleteTokensWithHttpInfo({ clientId: config.admin.id });
    assert.equal(deleted.response.status, 204);
    await expectError(adminApi.getTokens({}), 401);
});
