using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Hosting;

/// <summary>The provider's migrations create exactly the model (run once per provider).</summary>
[Collection(EmptyDatabase.Name)]
public sealed class MigrationsTests(EmptyRapportApp app)
{
    [Fact]
    public async Task The_migrations_match_the_model_and_are_all_applied()
    {
        (await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()))).ShouldBeFalse(
            $"the {TestDatabase.Provider} migrations have drifted from the model: add a migration");
        (await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync(Ct))).ShouldBeEmpty();
        (await app.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync(Ct))).ShouldNotBeEmpty();
    }
}
