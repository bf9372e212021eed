package org.guangsha.platform.internal.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.CreditCode;
import org.guangsha.platform.identity.IdentityProvider;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.rest.RestSupport;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.guangsha.platform.rest.RateLimited;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/identity}: captcha, register, login, logout, me (DOMAIN.md I-1, I-3). */
@Component(service = IdentityResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "identity", description = "注册、登录与账号 / Registration, login and accounts")
public class IdentityResource {

    /** Answer of {@code GET /captcha}. */
    public record CaptchaView(String id, String image, OffsetDateTime expiresAt) {}

    /** Body of {@code POST /login}. */
    public record LoginRequest(
            String account, String password, String captchaId, String captchaAnswer) {}

    /** Answer of {@code POST /login}. */
    public record LoginView(String token, OffsetDateTime expiresAt, TrustLevel trustLevel) {}

    /** A login method as the login page lists it. */
    public record LoginMethodView(
            String id, LocalizedText name, Map<String, LocalizedText> inputs) {}

    /** Body of {@code POST /password-reset/code}. */
    public record ResetCodeRequest(String mobile, String captchaId, String captchaAnswer) {}

    /** Body of {@code POST /password-reset}. */
    public record ResetRequest(String mobile, String code, String newPassword) {}

    /** Body of {@code POST /password}. */
    public record ChangeRequest(String oldPassword, String newPassword) {}

    /**
     * Answer of {@code GET /me}: the owner sees the full name; ID number and mobile masked; {@code
     * regionCode} is the region a caseworker acts in (null for everyone else).
     */
    public record MeView(
            String id,
            String kind,
            String name,
            String idNumber,
            String mobile,
            String creditCode,
            TrustLevel trustLevel,
            Set<String> roles,
            String regionCode) {}

    private final AccountService accounts;
    private final CaptchaService captchas;
    private final PasswordService passwords;
    private final Map<String, IdentityProvider> providers = new ConcurrentHashMap<>();

    /** Built by DS. */
    @Activate
    public IdentityResource(
            @Reference AccountService accounts,
            @Reference CaptchaService captchas,
            @Reference PasswordService passwords) {
        this.accounts = accounts;
        this.captchas = captchas;
        this.passwords = passwords;
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(IdentityProvider provider) {
        providers.putIfAbsent(provider.id(), provider);
    }

    void removeProvider(IdentityProvider provider) {
        providers.remove(provider.id(), provider);
    }

    /** The ways to log in installed: password always, then the identity providers. */
    @GET
    @Path("login-methods")
    @Operation(summary = "登录方式 / Login methods installed")
    public List<LoginMethodView> loginMethods() {
        List<LoginMethodView> methods = new ArrayList<>();
        methods.add(
                new LoginMethodView(
                        "password",
                        LocalizedText.of("账号密码登录", "Account and password"),
                        new TreeMap<>(
                                Map.of(
                                        "account",
                                                LocalizedText.of("身份证号或手机号", "ID number or mobile"),
                                        "password", LocalizedText.of("密码", "Password"),
                                        "captchaAnswer", LocalizedText.of("验证码", "Captcha")))));
        providers.values().stream()
                .sorted(Comparator.comparing(IdentityProvider::id))
                .forEach(
                        p ->
                                methods.add(
                                        new LoginMethodView(
                                                p.id(), p.name(), new TreeMap<>(p.inputs()))));
        return methods;
    }

    /** Logs in through an identity provider (WeChat scan, CA certificate, ...). */
    @POST
    @Path("login/{method}")
    @RateLimited("identity")
    @Operation(summary = "其他方式登录 / Log in through an identity provider")
    public Response loginWith(
            @PathParam("method") String method,
            Map<String, String> credentials,
            @Context HttpServletRequest http) {
        IdentityProvider provider = providers.get(method);
        if (provider == null) {
            throw ProblemException.notFound("不支持的登录方式（unknown login method）");
        }
        String idNumber =
                provider.authenticate(credentials == null ? Map.of() : credentials)
                        .orElseThrow(
                                () ->
                                        new ProblemException(
                                                new Problem(
                                                        Problem.type("invalid-credentials"),
                                                        "身份核验未通过",
                                                        "The credentials were not accepted",
                                                        401,
                                                        null,
                                                        null,
                                                        null)));
        AccountService.Login login =
                accounts.loginProved(
                        idNumber, provider.id(), http == null ? null : http.getRemoteAddr());
        return loginResponse(login);
    }

    /** A new image captcha, single use. */
    @GET
    @Path("captcha")
    @RateLimited("identity")
    @Operation(summary = "图形验证码 / Image captcha")
    public Response captcha() {
        CaptchaService.Issued c = captchas.issue();
        return Response.ok(new CaptchaView(c.id(), c.image(), RestSupport.cityTime(c.expiresAt())))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /** Registers a citizen (I-1); the account starts at L1. */
    @POST
    @Path("register")
    @RateLimited("identity")
    @Operation(summary = "注册 / Register a citizen account")
    public Response register(AccountService.Registration registration) {
        RestSupport.required(registration);
        AccountEntity a = accounts.register(registration);
        return Response.status(201).entity(me(a)).cacheControl(RestSupport.noStore()).build();
    }

    /** Logs in (I-3) and answers a bearer token. */
    @POST
    @Path("login")
    @RateLimited("identity")
    @Operation(summary = "登录 / Log in with ID number, mobile or user name")
    public Response login(LoginRequest request, @Context HttpServletRequest http) {
        RestSupport.required(request);
        AccountService.Login login =
                accounts.login(
                        request.account(),
                        request.password(),
                        request.captchaId(),
                        request.captchaAnswer(),
                        http == null ? null : http.getRemoteAddr());
        return loginResponse(login);
    }

    /** Revokes the caller's token. */
    @POST
    @Path("logout")
    @Operation(summary = "退出登录 / Log out (revokes the token)")
    public Response logout(@Context HttpHeaders headers) {
        String token =
                AuthenticationFilter.bearer(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token != null) {
            accounts.logout(token);
        }
        return Response.noContent().build();
    }

    /**
     * Sends a password-reset code by SMS. The answer is the same whether or not the mobile is
     * registered, so nobody learns who has an account.
     */
    @POST
    @Path("password-reset/code")
    @RateLimited("sms")
    @Operation(summary = "发送重置密码短信验证码 / Send a password-reset SMS code")
    public Response resetCode(ResetCodeRequest request) {
        RestSupport.required(request);
        passwords.sendResetCode(request.mobile(), request.captchaId(), request.captchaAnswer());
        return Response.status(202)
                .entity(Map.of("message", "若该手机号已注册，将收到短信验证码（if registered, a code was sent）"))
                .build();
    }

    /** Sets a new password with the SMS code; every login of the account ends. */
    @POST
    @Path("password-reset")
    @RateLimited("identity")
    @Operation(summary = "用短信验证码重置密码 / Reset the password with the SMS code")
    public Response reset(ResetRequest request) {
        RestSupport.required(request);
        passwords.reset(request.mobile(), request.code(), request.newPassword());
        return Response.noContent().build();
    }

    /** Changes the caller's password; every login of the account ends, this one too. */
    @POST
    @Path("password")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "修改密码 / Change the password")
    public Response changePassword(ChangeRequest request, @Context SecurityContext security) {
        RestSupport.required(request);
        passwords.change(
                (RestSupport.caller(security)).accountId(),
                request.oldPassword(),
                request.newPassword());
        return Response.noContent().build();
    }

    /** The caller's own account. */
    @GET
    @Path("me")
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "当前账号 / The logged-in account")
    public Response me(@Context SecurityContext security) {
        Caller caller = RestSupport.caller(security);
        AccountEntity a =
                accounts.account(caller.accountId())
                        .orElseThrow(() -> ProblemException.notFound(null));
        return Response.ok(me(a)).cacheControl(RestSupport.noStore()).build();
    }

    /** The answer to every successful login. */
    static Response loginResponse(AccountService.Login login) {
        return Response.ok(
                        new LoginView(
                                login.token(),
                                RestSupport.cityTime(login.expiresAt()),
                                login.caller().trustLevel()))
                .cacheControl(RestSupport.noStore())
                .build();
    }

    static MeView me(AccountEntity a) {
        return new MeView(
                a.id(),
                a.kind().name(),
                a.name(),
                ResidentIdNumber.mask(a.idNumber()),
                Masking.mobile(a.mobile() != null ? a.mobile() : a.contactMobile()),
                CreditCode.mask(a.creditCode()),
                a.trustLevel(),
                a.roles(),
                a.kind() == AccountKind.STAFF ? a.regionCode() : null);
    }
}
