// A real OpenID provider for the tests: the certified `oidc-provider`, with its development
// sign-in form (any login name signs in as the account of that name). The tests set the
// accounts' claims through /test/accounts, and ask through /test/tamper for the next ID token
// to come out wrong (another issuer, another key, expired) as an attacker or a broken provider
// would send it. Started by tests/accounts/oidc_provider.py; never used outside the tests.
import { createServer } from "node:http";
import Provider from "oidc-provider";
import { SignJWT, decodeJwt, exportJWK, generateKeyPair } from "jose";

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const redirectUris = JSON.parse(process.env.REDIRECT_URIS);
const postLogoutUris = JSON.parse(process.env.POST_LOGOUT_REDIRECT_URIS);

const { privateKey } = await generateKeyPair("RS256", { extractable: true });
const signing = { ...(await exportJWK(privateKey)), kid: "provider-key", alg: "RS256", use: "sig" };
const stranger = (await generateKeyPair("RS256", { extractable: true })).privateKey;

const accounts = {};
let tamper = null;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "riskreg",
      client_secret: "riskreg-test-secret",
      redirect_uris: redirectUris,
      post_logout_redirect_uris: postLogoutUris,
    },
  ],
  jwks: { keys: [signing] },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "given_name", "family_name"], groups: ["groups"] },
  scopes: ["openid", "email", "profile", "groups"],
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  pkce: { required: () => false },
  async findAccount(ctx, id) {
    return { accountId: id, async claims() { return { sub: id, ...(accounts[id] || {}) }; } };
  },
  // The council's own application: no consent screen, as an administrator grants it in Entra.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile groups");
    grant.addOIDCClaims(["email", "email_verified", "groups", "name", "given_name", "family_name"]);
    await grant.save();
    return grant;
  },
});
provider.proxy = false;

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === "/token" && ctx.status === 200 && tamper && ctx.body?.id_token) {
    const claims = decodeJwt(ctx.body.id_token);
    const now = Math.floor(Date.now() / 1000);
    let key = privateKey;
    if (tamper === "issuer") claims.iss = "http://127.0.0.1:1/another-provider";
    if (tamper === "expired") Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
    if (tamper === "signature") key = stranger;
    ctx.body = { ...ctx.body, id_token: await new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: "provider-key" }).sign(key) };
    tamper = null;
  }
});

const callback = provider.callback();
createServer((req, res) => {
  if (req.url.startsWith("/test/")) {
    let body = "";
    req.on("data", (chunk) => { body += chunk; });
    req.on("end", () => {
      const data = JSON.parse(body || "{}");
      if (req.url === "/test/accounts") Object.assign(accounts, data);
      if (req.url === "/test/tamper") tamper = data.mode;
      res.writeHead(204).end();
    });
    return;
  }
  callback(req, res);
}).listen(port, "127.0.0.1", () => console.log(`ready ${issuer}`));
