using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Sales;
using Rapport.Demo;
using static Rapport.Bench.CachedDatabase;

namespace Rapport.Bench;

/// <summary>
/// A Harbor-like B2B dealer in a database of its own: the business and its owner by the app's use case, salespeople
/// and one playbook (the demo's <see cref="HarborPlaybook"/>) through EF Core, organisation and person customers (the
/// customer scenario's generator), and open deals spread over the stages and the salespeople inserted in bulk, each
/// with the promise's milestones of the stages it passed and some of its current stage's checklist evidence.
/// Kept between runs.
/// </summary>
public sealed class BoardDatabase(BenchOptions options, DatabaseProvider provider)
{
    public const string Slug = "board";
    public const string OwnerEmail = "owner@board.example";
    public const string Password = "Board!2026";
    public const string TimeZone = "America/New_York";

    /// <summary>How many of the deals sit in each stage, early stages fuller (Qualify … Follow-up).</summary>
    private static readonly int[] StageWeights = [24, 20, 16, 12, 8, 8, 7, 5];

    private readonly CachedDatabase store = options.BoardDatabase(provider);

    public CachedDatabase Store => store;
    private string BusinessName => $"Board dealer {options.BoardDataSetName}";

    public Task<bool> IsReadyAsync() => store.HoldsAsync(async c =>
        await BusinessNameAsync(c, Slug) == BusinessName && await ScalarAsync<long>(c, "SELECT COUNT(*) FROM \"Deals\"") == options.BoardDeals);

    /// <summary>What the measured requests need: the business, its playbook and its salespeople.</summary>
    public sealed record Facts(Guid BusinessId, Guid PlaybookId, IReadOnlyList<Guid> Salespeople);

    public async Task<Facts> ReadFactsAsync(CancellationToken ct)
    {
        await using var c = await store.OpenAsync(ct);
        var business = await ReadGuidsAsync(c, $"SELECT \"Id\" FROM \"Businesses\" WHERE \"Slug\" = '{Slug}'", ct);
        var playbook = await ReadGuidsAsync(c, "SELECT \"Id\" FROM \"Playbooks\"", ct);
        var sellers = await ReadGuidsAsync(c, $"SELECT \"Id\" FROM \"Staff\" WHERE \"Role\" = '{StaffRole.Sales}' ORDER BY \"Id\"", ct);
        return new Facts(business.Single(), playbook.Single(), sellers);
    }

    private static async Task<List<Guid>> ReadGuidsAsync(DbConnection c, string sql, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var ids = new List<Guid>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetGuid(0));
        return ids;
    }

    public async Task GenerateAsync(IServiceProvider services, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var created = await CreateBusiness.HandleAsync(services,
            new CreateBusiness.Command(BusinessName, Slug, OwnerEmail, Password, "Hannah Brooks", TimeZone), ct);
        if (!created.Succeeded) throw new InvalidOperationException($"Could not create the dealer: {created.Failure!.Title}");
        var business = created.Value!;
        var now = DateTime.UtcNow;
        var zone = BusinessClock.Zone(TimeZone);

        IModel model;
        PlaybookVersion version;
        var sellers = new List<StaffMember>();
        using (var scope = services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Set(business.Id);
            var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
            model = db.Model;
            var owner = await db.Staff.SingleAsync(s => s.BusinessId == business.Id && s.Role == StaffRole.Owner, ct);
            for (var i = 0; i < options.BoardSalespeople; i++)
            {
                var email = $"sales{i + 1:00}@board.example";
                sellers.Add(new StaffMember
                {
                    BusinessId = business.Id, Role = StaffRole.Sales, DisplayName = $"Salesperson {i + 1:00}",
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
                });
            }
            db.Staff.AddRange(sellers);
            var playbook = new Playbook { BusinessId = business.Id, Name = "Washer-extractors", ProductLine = "Washer-extractors", CreatedAt = now, UpdatedAt = now };
            version = HarborPlaybook.Version(business.Id, playbook, owner);
            db.Playbooks.Add(playbook);
            db.PlaybookVersions.Add(version);
            await db.SaveChangesAsync(ct);
        }

        var generator = new DataGenerator(options with { Customers = options.BoardCustomers }, business.Id, [], now);
        generator.BuildCustomers();
        var deals = Deals(business.Id, generator.Customers.Select(c => c.Id).ToArray(), sellers.Select(s => s.Id).ToArray(), version, now, zone).ToList();
        var milestones = deals.SelectMany(d => d.Milestones).ToList();
        var evidence = deals.SelectMany(d => d.Evidence).ToList();
        Console.WriteLine($"  built {generator.Customers.Count:N0} customers, {deals.Count:N0} deals, {milestones.Count:N0} milestones in {clock.Elapsed.TotalSeconds:0.0} s");

        await new BulkLoad(store, model)
            .Add(generator.Customers).Add(generator.Customers.SelectMany(c => c.ContactPoints)).Add(deals).Add(milestones).Add(evidence)
            .RunAsync(ct);
        Console.WriteLine($"  generated the dealer with {options.BoardSalespeople} salespeople and {deals.Count:N0} open deals in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// The deals: stage by <see cref="StageWeights"/>, owner and customer at random; each entered its stages over the
    /// past year (so the promises of a year are due, kept, late or open), the milestones started and completed by the
    /// app's own <see cref="PromiseClock"/>, and about half of them with their current stage's checklist items confirmed.
    /// </summary>
    private IEnumerable<Deal> Deals(Guid business, Guid[] customers, Guid[] sellers, PlaybookVersion version, DateTime now, TimeZoneInfo zone)
    {
        var random = new Random(options.Seed);
        var definition = version.Definition;
        var total = StageWeights.Sum();
        for (var i = 0; i < options.BoardDeals; i++)
        {
            var pick = random.Next(total);
            var stage = 0;
            while (pick >= StageWeights[stage]) pick -= StageWeights[stage++];
            var owner = sellers[random.Next(sellers.Length)];
            // Stage entries a few days to weeks apart, the current one between today and 60 days ago.
            var entries = new DateTime[stage + 1];
            entries[stage] = now.AddHours(-random.Next(1, 60 * 24));
            for (var s = stage - 1; s >= 0; s--) entries[s] = entries[s + 1].AddHours(-random.Next(24, 40 * 24));
            var created = entries[0].AddHours(-1);
            var deal = new Deal
            {
                BusinessId = business, CustomerId = customers[random.Next(customers.Length)], Name = $"Laundry refit {i + 1}",
                PlaybookId = version.PlaybookId, PlaybookVersionId = version.Id, Stage = definition.Stages[stage].Name,
                StageEnteredAt = entries[stage], OwnerId = owner, Amount = random.Next(8, 400) * 250m,
                ExpectedCloseOn = DateOnly.FromDateTime(now).AddDays(random.Next(5, 180)), ProductLines = ["Washer-extractors"],
                CreatedAt = created, UpdatedAt = entries[stage],
            };
            // Stages weeks apart: some promises are kept on time, some late (e.g. delivered more than 28 days after signing).
            for (var s = 0; s <= stage; s++)
                PromiseClock.EnterStage(deal, definition, definition.Stages[s].Name, owner, entries[s], BusinessClock.Today(entries[s], zone));
            if (random.Next(2) == 0)
                foreach (var step in definition.Stages[stage].Steps.Where(x => x.Kind == StepKind.Checklist))
                    deal.Evidence.Add(new DealEvidence
                    {
                        BusinessId = business, DealId = deal.Id, StepId = step.Id, Kind = step.Kind, At = entries[stage].AddMinutes(30), ById = owner,
                        ByName = "Salesperson",
                    });
            yield return deal;
        }
    }
}
