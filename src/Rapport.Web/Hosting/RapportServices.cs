using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Health;
using Rapport.Core.Notifications;
using Rapport.Core.Occasions;
using Rapport.Core.Orders;
using Rapport.Core.Sales;
using Rapport.Core.Scheduling;
using Rapport.Core.Shop;
using Rapport.Web.Auth;
using Rapport.Web.Payments.TestProvider;
using Rapport.Web.Sales;
using Rapport.Web.Shop;

namespace Rapport.Web.Hosting;

public static class RapportServices
{
    /// <summary>Rapport's composition: database, tenancy, identity, API conventions, pages.</summary>
    public static WebApplicationBuilder AddRapport(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Read when first needed, so that hosts and tests can override configuration after this call.
        services.AddSingleton(sp => RapportOptions.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton(TimeProvider.System);

        services.AddScoped<Tenant>();
        services.AddSingleton(_ => new WriteGate());
        services.AddSingleton<OrderNumbers>();
        services.AddSingleton<OrderDesk>();
        services.AddScoped<BusinessTime>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<RapportOptions>();
            var webRoot = sp.GetRequiredService<IWebHostEnvironment>().WebRootPath;
            // An uploaded file under the web root could be served as a page of this site.
            if (!string.IsNullOrEmpty(webRoot)
                && (options.FilesPath + Path.DirectorySeparatorChar).StartsWith(Path.GetFullPath(webRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidOperationException($"Files:Path ({options.FilesPath}) must be outside the web root ({webRoot}).");
            return new RecordingStore(Path.Combine(options.FilesPath, "recordings"), options.MaxRecordingBytes);
        });
        // Product pictures beside the recordings, outside the web root for the same reason (checked above).
        services.AddSingleton(sp => new Rapport.Core.Catalog.PictureStore(Path.Combine(sp.GetRequiredService<RapportOptions>().FilesPath, "pictures")));
        services.AddDbContext<RapportDb>((sp, o) =>
        {
            var options = sp.GetRequiredService<RapportOptions>();
            o.UseRapportDatabase(options.Provider, options.ConnectionString);
        });
        services.AddHttpContextAccessor();
        // The acting staff member, for endpoints and pages behind the staff policy.
        services.AddScoped(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User.ToActor()
            ?? throw new InvalidOperationException("No staff member is signed in."));

        // Keys live in the database so that every node reads every cookie and token.
        services.AddDataProtection().SetApplicationName("Rapport").PersistKeysToDbContext<RapportDb>();

        services.AddTrustedProxies(builder.Configuration);
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "staff";
                o.DefaultChallengeScheme = "staff";
            })
            // The API takes bearer tokens only (no cookie, so no cross-site requests); the pages take the cookie.
            .AddPolicyScheme("staff", "Bearer token or cookie", o => o.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddShopCookie()
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = "rapport";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden),
            };
        });
        services.AddIdentityCore<StaffMember>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Password.RequiredLength = 8;
            })
            .AddEntityFrameworkStores<RapportDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<StaffSignIn>();
        services.AddMemoryCache();
        services.AddSingleton<StaffSessionCheck>();
        // The cookie is re-issued from the account now and then: it keeps its session.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = ctx =>
        {
            if (ctx.CurrentPrincipal?.FindFirst(Core.Businesses.StaffSessions.SessionClaim) is { } session && ctx.NewPrincipal?.Identity is ClaimsIdentity renewed)
                renewed.AddClaim(new Claim(session.Type, session.Value));
            return Task.CompletedTask;
        });
        services.AddSingleton<IPasswordHasher<ShopAccount>, PasswordHasher<ShopAccount>>();
        services.AddScoped<ShopContext>();
        services.AddSingleton<TestCardResults>();

        services.AddSingleton(sp => JobSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => MailConfiguration.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton<IScheduledJob, OutboxJob>();
        services.AddSingleton<IScheduledJob>(sp => new ReminderJob(
            (slug, token) => ShopLinks.Reorder(sp.GetRequiredService<RapportOptions>().PublicUrl, slug, token), sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<IScheduledJob, StandingOrderJob>();
        services.AddSingleton<IScheduledJob, InferenceJob>();
        services.AddSingleton<IScheduledJob, OverdueMilestonesJob>();
        services.AddSingleton<IScheduledJob, HealthJob>();
        services.AddSingleton<IScheduledJob, StaffSessionsJob>();
        services.AddSingleton<Scheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<Scheduler>());

        services.AddAuthorizationBuilder()
            .AddStaffPolicies()
            .AddPolicy(Policies.Shop, p => p.AddAuthenticationSchemes(ShopAuthentication.Scheme).RequireAuthenticatedUser()
                .RequireClaim(ShopAuthentication.Business));

        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Rapport API";
            doc.Info.Description = "Customers, their timeline and everything on file. Sign in with POST /api/auth/login and send `Authorization: Bearer <accessToken>`. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));

        services.AddRazorPages(o =>
        {
            // Each feature's pages sit in its own folder (Customers/, Orders/, Shop/, ...).
            o.RootDirectory = "/";
            o.Conventions.Add(new PageAccess());
        });
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        return builder;
    }

    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(SalesLinks.AddToJson);
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        // htmx would swap the login page into a fragment: send the whole page there instead.
        if (ctx.Request.Headers.ContainsKey("HX-Request"))
        {
            ctx.Response.StatusCode = status;
            ctx.Response.Headers["HX-Redirect"] = ctx.RedirectUri;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
