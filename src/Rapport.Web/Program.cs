using Rapport.Web.Auth;
using Rapport.Web.Catalog;
using Rapport.Web.Concessions;
using Rapport.Web.Customers;
using Rapport.Web.Delivery;
using Rapport.Web.Forecasting;
using Rapport.Web.Health;
using Rapport.Web.Hosting;
using Rapport.Web.Occasions;
using Rapport.Web.Orders;
using Rapport.Web.Payments.CardLinks;
using Rapport.Web.Payments.TestProvider;
using Rapport.Web.Reports;
using Rapport.Web.Sales;
using Rapport.Web.Tasks;
using Rapport.Web.Timeline;
using Rapport.Web.Touches;

// `--demo` seeds the demo businesses on an empty database.
var demo = args.Contains("--demo");
args = args.Where(a => a != "--demo").ToArray();

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentVariables("RAPPORT_");
if (demo) builder.Configuration["Demo"] = "true";
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
    builder.WebHost.UseUrls("http://localhost:5080");
builder.AddRapport();
builder.AddRapportOperations();

var app = builder.Build();
if (AdminCommands.IsCommand(args)) return await AdminCommands.RunAsync(app, args);

// Behind a configured proxy, the scheme and client address are the caller's (before anything reads them).
if (SecurityHeaders.HasTrustedProxies(app.Configuration)) app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseSecurityHeaders();
// HSTS only over HTTPS (never on localhost), where a balancer or Kestrel terminates TLS.
if (!app.Environment.IsDevelopment()) app.UseHsts();
// Dates, months and money read the same on every server, whatever its locale.
app.UseRequestLocalization("en-US");
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseRequestGuard();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseStaffSessions();
app.UseTenant();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "Rapport API");
    o.RoutePrefix = "api/docs";
    o.DocumentTitle = "Rapport API";
});
app.MapRapportOperations();
app.MapAuth();
app.MapCustomers();
app.MapCardLinks();
app.MapTimeline();
app.MapCatalog();
app.MapOrders();
app.MapDelivery();
app.MapOccasions();
app.MapForecast();
app.MapSales();
app.MapTouches();
app.MapTasks();
app.MapHealth();
app.MapConcessions();
app.MapReports();
// The demo's stand-in for a payment provider; in production without --demo, /test-pay answers 404.
if (app.Services.GetRequiredService<RapportOptions>().TestPaymentProvider) app.MapTestPaymentProvider();
app.MapRazorPages();
app.MapStaticAssets();

await app.InitializeDatabaseAsync();
await app.RunAsync();
return 0;

public partial class Program;
